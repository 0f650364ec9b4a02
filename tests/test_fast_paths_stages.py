"""Fast paths of reading, segmentation, events and the checks equal their plain forms.

Issue 14 throughput: each test states the plain form and compares.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from discrep import _read

_CONTROLS = st.text(
    alphabet=st.sampled_from("\x00\x01\x08\t\n\x0b\x0c\r\x0e\x1f \x7f\x85a\u00e9\u2028"),
    max_size=40,
) | st.text(max_size=40)


@given(_CONTROLS)
@example("\x00\t\n\r\x0b\x0c\x1f")
@example("caf\u00e9\x00")
def test_control_count_is_the_plain_count(text: str) -> None:
    plain = sum(1 for ch in text if ch < " " and ch not in "\n\r\t\x0b\x0c")
    assert _read._control_count(text) == plain


@given(st.binary(max_size=60))
def test_control_count_of_bytes_is_the_plain_count(data: bytes) -> None:
    assert _read._control_count(data) == sum(1 for b in data if b < 9 or 13 < b < 32)
