"""Small pure helpers with no database access: environment parsing, numbers, NIP."""
