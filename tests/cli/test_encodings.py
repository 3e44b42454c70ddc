"""Text that is not UTF-8: detected, named when used, refused when the guess is not confident."""

from __future__ import annotations

import pytest

from sitroom.cli import main
from sitroom.reading.encoding import guess_encoding

LATIN = "Sample: a rally outside the Café Central in Bishkek, organisers said; naïve reporters."
RUSSIAN = "Пример: тысячи людей вышли на площадь Ала-Тоо, требуя отменить итоги выборов."


def run(capsys, *argv):
    code = main([*argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(("text", "encoding", "expected"), [
    (LATIN, "latin-1", "cp1252"),
    (LATIN, "cp1252", "cp1252"),
    (RUSSIAN, "cp1251", "cp1251"),
    (RUSSIAN, "koi8_r", "koi8_r"),
    ("Пример: митинг", "cp1251", "cp1251"),
])
def test_guess_keeps_cyrillic_code_pages_and_reads_latin_as_latin(text, encoding, expected):
    assert guess_encoding(text.encode(encoding)) == expected


def test_guess_is_none_when_the_detector_is_not_confident():
    assert guess_encoding("Café".encode("latin-1")) is None  # four bytes tell nothing
    assert guess_encoding(bytes(range(128, 256)) * 3) is None


def test_import_of_a_latin1_csv_keeps_cafe_and_says_which_encoding(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'e.sqlite'}"
    path = tmp_path / "latin.csv"
    path.write_bytes(f'text,lang\n"{LATIN}",en\n'.encode("latin-1"))
    code, out, _ = run(capsys, "--db", db, "import", str(path))
    assert code == 0 and "1 imported" in out and "read as cp1252" in out
    code, out, _ = run(capsys, "--db", db, "reports", "list", "--format", "jsonl")
    assert "Café Central" in out and "Cafй" not in out


def test_import_refuses_a_file_whose_encoding_cannot_be_told(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'e.sqlite'}"
    path = tmp_path / "noise.csv"
    path.write_bytes(b"text\n" + bytes(range(128, 256)) * 3 + b"\n")
    code, _, err = run(capsys, "--db", db, "import", str(path))
    assert code == 1 and "noise.csv: not UTF-8" in err and "cannot be told" in err


def test_code_reads_latin1_and_cp1251_and_names_the_encoding(tmp_path, capsys):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(LATIN.encode("latin-1"))
    code, _, err = run(capsys, "code", str(latin), "--published", "2020-10-05")
    assert code == 0 and "latin.txt: not UTF-8, read as cp1252" in err
    ru = tmp_path / "ru.txt"
    ru.write_bytes("Полиция задержала 20 участников митинга в Бишкеке.".encode("cp1251"))
    code, out, err = run(capsys, "code", str(ru), "--published", "2020-10-05")
    assert code == 0 and "read as cp1251" in err and "Бишкеке" in out
    noise = tmp_path / "noise.txt"
    noise.write_bytes(("Sample " + "\x8d\x8f\x90\x9d" * 40).encode("latin-1"))
    code, _, err = run(capsys, "code", str(noise))
    assert code == 1 and "cannot be told with confidence" in err
