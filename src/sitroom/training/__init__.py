"""Training the coder's learned type classifier from gold files: ``sitroom train``.

``examples`` turns gold documents (development split only) into labelled claims; ``fit`` trains,
calibrates and writes the model the coder ships.
"""

from sitroom.training.examples import Example, examples_from_docs, training_docs
from sitroom.training.fit import TrainResult, train

__all__ = ["Example", "TrainResult", "examples_from_docs", "train", "training_docs"]
