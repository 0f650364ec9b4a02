"""Write the seed inputs of each fuzz target into fuzz/corpus/<target>/.

The sentences are invented (no seed or dev article), and cover what discrep reads:
head metadata, datelines, figures with qualifiers and units, dates, names with roles,
HTML, and the adversarial shapes of issue 16.

    python fuzz/make_corpus.py
"""

from __future__ import annotations

import hashlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

TEXTS = [
    "20220304\nTalks in Brest resume\nhttps://example.org/a\nBREST, March 3 (Wire) - Foreign "
    "Minister Ivan Petrenko said on Thursday that more than 1,500 people fled the town.",
    "Nearly 5,000 people were killed and about 2.5 million fled, officials said on Monday.",
    "Mayor Olena Koval met President Taras Bondar in Lviv on March 28, 2022. The talks "
    "lasted 3 hours; 12 km of road was closed.",
    "Mykola <strong>Tkachuk</strong> said talks would resume.<p>By Staff Reporter</p>",
    "Updated 9:01 AM EDT\nThe trial began on Tuesday, a week after the second round.",
    "1 people were killed 2 people were killed 3 people were killed 4 people were killed",
    "Kyiv Kharkiv Odesa Lviv Dnipro Zaporizhzhia Mykolaiv Chernihiv Sumy Poltava",
    "((([[[\u201c\u2018Kyiv\u2019\u201d]]])))  said.\r\rAdvertisement\r\u00a9 2022 Wire",
    "Between 5,000 and 6,000 troops, at least 40 tanks and $1.2bn in aid.",
    "Dmitry Peskov, the Kremlin spokesman, said on 3 March that Russia's forces had taken "
    "Kherson. Dmitri Peskov denied it on March 4.",
]
PAIRS = [
    (
        "Kremlin spokesman Dmitry Peskov said 5 people died in Kyiv on Monday.",
        "Kremlin spokesman Dmitri Peskov said 7 people died in Kiev on Tuesday.",
    ),
    (
        "The talks were held in Istanbul on March 29, 2022, with 12 delegates.",
        "The talks were held in Ankara on March 30, 2022, with 14 delegates.",
    ),
    (
        "Governor Oleh Synyehubov said more than 1,000 people fled Kharkiv.",
        "Governor Oleg Sinegubov said nearly 900 people fled Kharkov.",
    ),
]


def _write(target: str, data: bytes) -> None:
    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def main() -> None:
    for text in TEXTS:
        ascii_seed = b"\0" + text.encode("ascii", errors="ignore")
        for target in ("quantities", "extract"):
            _write(target, ascii_seed)
        _write("read", text.encode("utf-8"))
        _write("read", text.encode("utf-16-le"))
        _write("read", text.encode("cp1252", errors="replace"))
    for a, b in PAIRS:
        _write("compare", b"\0" + a.encode("ascii") + b"\x1e" + b.encode("ascii"))


if __name__ == "__main__":
    main()
