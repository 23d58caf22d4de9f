"""The headless core: records, rules, storage, sync and use cases. Never imports PySide6."""
