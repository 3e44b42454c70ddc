"""Storage tests: one suite, run on SQLite and PostgreSQL."""
