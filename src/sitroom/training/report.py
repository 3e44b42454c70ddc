"""What ``sitroom train`` prints: calibration-fold figures and the reliability table."""

from __future__ import annotations

from sitroom.training.fit import TrainResult


def format_training(result: TrainResult) -> str:
    """Examples, rules vs model on the calibration fold, per label, and reliability."""
    c = result.calibration
    lines = [f"examples: {result.examples} ({c.get('calibration_examples', 0)} in the "
             "calibration fold, fitted without it)"]
    if "model_accuracy" not in c:
        return "\n".join([*lines, "(too few documents for a calibration fold)"])
    lines += [f"temperature {c['temperature']}, threshold {c['threshold']}",
              f"type right on the calibration fold: rules {c['rules_accuracy']:.3f}, "
              f"rules + model {c['model_accuracy']:.3f}", "", "by gold file:"]
    lines += [f"  {s:<28} {v['n']:>5}  rules {v['rules']:.3f}  model {v['model']:.3f}"
              for s, v in c["by_source"].items()]
    lines += ["", "per label (single-label examples): n, rules, rules + model"]
    lines += [f"  {name[:36]:<36} {v['n']:>5} {v['rules']:>6.3f} {v['model']:>6.3f}"
              for name, v in c["per_label"].items()]
    lines += ["", "reliability: confidence bin | n | mean confidence | share right"]
    lines += [f"  {r['bin']:<8} {r['n']:>5} {r['confidence']:>7.3f} {r['accuracy']:>7.3f}"
              for r in c["reliability"]]
    return "\n".join(lines)
