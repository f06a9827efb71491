#!/usr/bin/env python3
"""Writes the seed corpus of fuzz/gazetteer_fuzz.cc into fuzz/corpus/gazetteer_fuzz/: a tiny
valid gazetteer index (format of src/know/gazetteer_format.h) and broken variants of it. The
first byte of each file is the fuzz target's control byte (bit 0: recompute the checksum, so
the files need no XXH3 here). Usage: scripts/places_fuzz_corpus.py
"""
import os
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz/corpus/gazetteer_fuzz")
HEADER = struct.Struct("<8sIIIIIIQQQQQQ")  # 80 bytes
NO_INDEX = 0xFFFFFFFF


def pad8(b):
    return b + b"\0" * (-len(b) % 8)


def s(text):
    b = text.encode()
    return struct.pack("<I", len(b)) + b


def actors_blob(hit_actor=0, stamp=0x1234):
    """ActorDictionary::Compile bytes: one actor, one key, one singular key."""
    out = struct.pack("<IQI", 0x31544341, stamp, 1)
    out += s("pmf") + s("Popular Mobilization Forces") + s("militia") + s("IQ") + s("")
    out += b"\0" + struct.pack("<I", 1) + s("PMF")
    out += struct.pack("<I", 1) + s("IQ") + s("president") + struct.pack("<qq", 0, 10)
    for _ in range(2):
        out += struct.pack("<IQI", 1, 0xABCDEF, 1) + struct.pack("<I", hit_actor << 1 | 1)
    return out


def index(places=None, keys=None, dir_bits=1, strings=b"\0Baghdad\0Iraq\0Iraqi\0", version=1,
          shift=None, actors=b"", actors_len=None):
    # PlaceRecord: geonameid, lat, lon, population, name, admin1, country[2], kind, feature, extra
    rec = struct.Struct("<IffIII2sBBI")
    if places is None:
        places = [rec.pack(0, 33.0, 44.0, 40000000, 9, NO_INDEX, b"IQ", 2, 5, 14),
                  rec.pack(98182, 33.34, 44.40, 7216000, 1, NO_INDEX, b"IQ", 0, 1, 0)]
    if keys is None and len(places) == 1:
        keys = [(0x1000000000000000, 0)]
    if keys is None:
        keys = [(0x1000000000000000, 1 << 2), (0xC000000000000000, 0 << 2)]
    keys = sorted(keys)
    body_places = pad8(b"".join(places))
    hashes = pad8(b"".join(struct.pack("<Q", h) for h, _ in keys))
    values = pad8(b"".join(struct.pack("<I", v) for _, v in keys))
    n_dir = (1 << dir_bits) + 1
    dir_ = [sum(1 for h, _ in keys if (h >> (64 - dir_bits) if dir_bits else 0) < b) for b in range(n_dir)]
    dir_bytes = pad8(b"".join(struct.pack("<I", d) for d in dir_))
    off = HEADER.size
    offs = []
    body = b""
    for part in (body_places, hashes, values, dir_bytes, pad8(strings)):
        offs.append(off + len(body))
        body += part
    off_actors = 0
    if actors:
        off_actors = off + len(body)
        body += pad8(struct.pack("<Q", actors_len or len(actors)) + actors)
    if shift:
        offs[shift[0]] += shift[1]
    head = HEADER.pack(b"SRGAZIDX", version, len(places), len(keys), dir_bits, len(strings),
                       off_actors, 0, *offs)
    return head + body


def main():
    os.makedirs(OUT, exist_ok=True)
    good = index()
    cases = {
        "empty": b"",
        "control_only": b"\x01",
        "magic_only": b"\x01SRGAZIDX",
        "valid_tiny": b"\x01" + good,
        "valid_bad_checksum": b"\x00" + good,
        "truncated_header": b"\x01" + good[:40],
        "truncated_body": b"\x01" + good[:len(good) - 30],
        "wrong_version": b"\x01" + index(version=7),
        "places_out_of_bounds": b"\x01" + index(shift=(0, 1 << 20)),
        "misaligned_section": b"\x01" + index(shift=(1, 4)),
        "dir_bits_huge": b"\x01" + good[:20] + struct.pack("<I", 60) + good[24:],
        "key_out_of_range": b"\x01" + index(keys=[(5, 99 << 2)]),
        "name_out_of_range": b"\x01" + index(places=[struct.pack("<IffIII2sBBI", 1, 1.0, 1.0, 0,
                                                                 999, NO_INDEX, b"IQ", 0, 0, 0)]),
        "strings_unterminated": b"\x01" + index(strings=b"\0Baghdad"),
        "admin1_out_of_range": b"\x01" + index(places=[struct.pack("<IffIII2sBBI", 1, 1.0, 1.0, 0,
                                                                   1, 7, b"IQ", 0, 0, 0)]),
        "bad_kind": b"\x01" + index(places=[struct.pack("<IffIII2sBBI", 1, 1.0, 1.0, 0, 1,
                                                        NO_INDEX, b"IQ", 9, 0, 0)]),
        "nan_coordinate": b"\x01" + index(places=[struct.pack("<IffIII2sBBI", 1, float("nan"), 1.0,
                                                              0, 1, NO_INDEX, b"IQ", 0, 0, 0)]),
        "no_dir_bits": b"\x01" + index(dir_bits=0),
        "with_actors": b"\x01" + index(actors=actors_blob()),
        "actors_section_out_of_bounds": b"\x01" + index(actors=actors_blob(), actors_len=1 << 30),
        "actors_blob": b"\x02" + actors_blob(),
        "actors_blob_truncated": b"\x02" + actors_blob()[:-7],
        "actors_blob_bad_actor_index": b"\x02" + actors_blob(hit_actor=5),
        "actors_blob_huge_count": b"\x02" + actors_blob()[:12] + struct.pack("<I", 0xFFFFFFF0),
    }
    for name, data in cases.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    print(f"places_fuzz_corpus: {len(cases)} files in {OUT}")


if __name__ == "__main__":
    main()
