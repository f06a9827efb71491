#!/usr/bin/env python3
"""Converts world-atlas country outlines (TopoJSON, Natural Earth 1:50m, public domain) into
sitrep's own outline format for the report's map (src/show/world_outlines.cc):
  line 1: "sitrep-outlines 1"; then one ring per line: "<country>\t<lon>,<lat> <lon>,<lat> ...".
Coordinates are rounded to 0.01 degree and repeated points dropped.
Usage: scripts/world_outlines.py countries-50m.json OUT.txt"""
import json
import sys


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(ring, arcs):
    pts = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        pts.extend(arc if not pts else arc[1:])
    return pts


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)
    lines = ["sitrep-outlines 1"]
    for geom in topo["objects"]["countries"]["geometries"]:
        name = (geom.get("properties") or {}).get("name", "").replace("\t", " ").replace("\n", " ")
        if geom.get("type") == "Polygon":
            polygons = [geom["arcs"]]
        elif geom.get("type") == "MultiPolygon":
            polygons = geom["arcs"]
        else:
            continue
        for polygon in polygons:
            for ring in polygon:
                out, last = [], None
                for lon, lat in ring_points(ring, arcs):
                    p = "%.2f,%.2f" % (max(-180, min(180, lon)), max(-90, min(90, lat)))
                    if p != last:
                        out.append(p)
                        last = p
                if len(out) >= 3:
                    lines.append(name + "\t" + " ".join(out))
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
