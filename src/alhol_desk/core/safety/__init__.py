"""Data safety: one writer per data folder, the startup health check, file modes, form drafts,
and retiring a lost laptop's identity. See docs/security.md for the threats each one answers."""
