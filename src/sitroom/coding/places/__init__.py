"""Places: the offline gazetteer (GeoNames towns, admin1, districts, landmarks) and place names.

``names`` holds ``Place`` and the text side of matching (normalising, stems, word lists);
``tables`` loads the data files in ``data/``; ``small`` finds villages and districts; ``gazetteer``
puts them together; ``geo`` names countries; ``truecase`` gives place names in all-lower-case
text their capitals back.
"""
