"""Cache files keyed by what they were made from are read back only under their own key."""

from __future__ import annotations

from pathlib import Path

from pipeline.keyed_file import key_holds, read_keyed, write_keyed


def test_a_keyed_file_is_read_only_under_its_key(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "d.bin"
    write_keyed(path, "ab12", b"rows\nmore\n")
    assert read_keyed(path, "ab12") == b"rows\nmore\n"
    assert key_holds(path, "ab12")
    for other in ("ab1", "ab123", "cd34"):  # another key, or one that starts or ends the same
        assert read_keyed(path, other) is None and not key_holds(path, other)
    assert read_keyed(tmp_path / "none", "ab12") is None and not key_holds(tmp_path / "none", "ab12")
    path.write_bytes(b"ab12")  # cut before its first line ends
    assert read_keyed(path, "ab12") is None and not key_holds(path, "ab12")
