"""Sync between devices: keys and trust, the signed and encrypted bundle format, import, export."""
