"""The only place with SQL: opening the database, migrations and repositories."""

from .database import SCHEMA_VERSION, open_database

__all__ = ["SCHEMA_VERSION", "open_database"]
