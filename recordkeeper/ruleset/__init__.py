"""Rule files: schemas per kind (one module each) and the loader."""
