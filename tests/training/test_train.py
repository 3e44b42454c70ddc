"""Training the type classifier: test items refused, byte-identical models, retyping, shipping."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sitroom.coding.typing.features import ClaimView
from sitroom.coding.typing.learned import CLASSES, MODEL_FILE, TypeModel, retype, shipped_model
from sitroom.errors import InputError
from sitroom.evaluation.gold import parse_gold_line
from sitroom.model import Claim
from sitroom.training import Example, examples_from_docs, train, training_docs

ROOT = Path(__file__).resolve().parents[2]


def _doc(i: int, split: str, text: str = "") -> dict:
    return {"id": f"d{i}", "text": text or f"Story {i}.", "lang": "en", "split": split,
            "events": [{"sub_event_type": "Peaceful protest"}]}


def test_training_refuses_test_items():
    docs = [parse_gold_line(_doc(1, "dev")), parse_gold_line(_doc(2, "test"))]
    with pytest.raises(InputError, match="refuses test items: d2"):
        examples_from_docs(docs, coder=None)


def test_training_docs_drop_test_documents_and_their_dev_copies(tmp_path):
    p = tmp_path / "g.jsonl"
    lines = [_doc(1, "dev"), _doc(2, "test", "Same words."), _doc(3, "dev", "Same words."),
             _doc(4, "dev")]
    p.write_text("".join(json.dumps(x) + "\n" for x in lines))
    docs, left_out = training_docs([p])
    assert [d.id for d in docs] == ["d1", "d4"] and left_out == 2


PROTEST = CLASSES.index("Peaceful protest")
RIOT = CLASSES.index("Violent demonstration")
CLASH = CLASSES.index("Armed clash")
SHELL = CLASSES.index("Shelling/artillery/missile attack")


def _examples() -> list[Example]:
    out = []
    for i in range(60):
        if i % 3 == 0:
            text, rule, allowed = f"crowd {i} rallied peacefully at the square", \
                "Peaceful protest", (PROTEST,)
        elif i % 3 == 1:
            text, rule, allowed = f"crowd {i} threw stones and burned cars", \
                "Peaceful protest", (RIOT,)
        else:
            text, rule, allowed = f"fighting {i} near the town, shells fell", \
                "Armed clash", (CLASH, SHELL)
        view = ClaimView(text, text, "Protests" if "crowd" in text else "Battles", rule)
        out.append(Example(view, allowed, f"doc{i}", "a.jsonl" if i % 2 else "b.jsonl"))
    return out


def test_same_examples_give_a_byte_identical_model(tmp_path):
    a, b = tmp_path / "a.npz", tmp_path / "b.npz"
    train(_examples()).model.save(a)
    train(_examples()).model.save(b)
    assert a.read_bytes() == b.read_bytes()
    model = TypeModel.load(a)
    assert model.classes == CLASSES and 0.3 <= model.threshold <= 0.95


def test_retype_follows_a_sure_model_and_leaves_political_events_alone():
    model = train(_examples()).model
    text = "the crowd threw stones and burned cars"
    claim = Claim(doc_id="x", event_date=None, time_precision=None, event_type="Protests",
                  sub_event_type="Peaceful protest", actor1="Protesters (Kyrgyzstan)",
                  inter1=6, evidence=text, confidence=0.6)
    political = Claim(doc_id="x", event_date=None, time_precision=None,
                      event_type="Strategic developments", sub_event_type="Other",
                      political_event="resignation", evidence=text, confidence=0.6)
    riot, pol = retype([claim, political], text, model)
    assert riot.sub_event_type == "Violent demonstration" and riot.event_type == "Riots"
    assert riot.actor1 == "Rioters (Kyrgyzstan)" and riot.inter1 == 5
    assert 0.0 < riot.confidence < 1.0
    assert pol == political


def test_the_shipped_model_is_small_and_loads():
    path = ROOT / "src" / "sitroom" / "coding" / "typing" / "data" / MODEL_FILE
    assert path.is_file() and path.stat().st_size < 5_000_000
    model = shipped_model()
    assert model is not None and model.classes == CLASSES
    meta = json.loads(model.meta)
    assert meta["examples"] > 1000 and "reliability" in meta["calibration"]


@pytest.mark.slow
def test_sitroom_train_is_reproducible_end_to_end(tmp_path):
    from sitroom.cli import Context, build_parser
    from sitroom.settings import load_settings

    gold = tmp_path / "g.jsonl"
    texts = ["Police fired tear gas at protesters in Bishkek on Monday.",
             "Thousands of people rallied peacefully in Osh on Monday.",
             "Rioters burned cars and threw stones at police in Bishkek on Monday.",
             "Artillery shelled the village of Ras al-Ain, killing three.",
             "Gunmen attacked villagers in Kaduna, killing five civilians."]
    subs = ["Protest with intervention", "Peaceful protest", "Violent demonstration",
            "Shelling/artillery/missile attack", "Attack"]
    lines = [{"id": f"t{i}", "text": texts[i % 5], "lang": "en", "published": "2020-10-06",
              "split": "dev", "events": [{"sub_event_type": subs[i % 5]}]} for i in range(20)]
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines))
    outs = []
    for name in ("a.npz", "b.npz"):
        out, err = io.StringIO(), io.StringIO()
        args = build_parser().parse_args(["train", str(gold), "--output", str(tmp_path / name)])
        assert args.handler(args, Context(load_settings({}, environ={}), out, err)) == 0
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    assert "examples:" in out.getvalue()
