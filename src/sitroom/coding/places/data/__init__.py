"""Gazetteer tables (GeoNames-derived admin1 names, landmarks, demonyms) and their build script."""
