"""Shared mechanics every app may use: environment parsing, numbers, NIP, document tables, .xlsx, PDF,
grids, periods, charts. Imports no app of the project (only Django and third-party libraries)."""
