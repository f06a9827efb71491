#include "sitrep/show/svg_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sitrep/show/escape.h"
#include "sitrep/show/report_text.h"

namespace sitrep::show {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kWidth = 800;

struct Projector {
  MapView v;
  double kx;  // cos(middle latitude)
  double scale;
  double X(double lon) const { return (lon - v.min_lon) * kx * scale; }
  double Y(double lat) const { return (v.max_lat - lat) * scale; }
};

Projector MakeProjector(const MapView& v) {
  Projector p{v, std::cos((v.min_lat + v.max_lat) / 2 * kPi / 180), 1};
  p.scale = v.width / ((v.max_lon - v.min_lon) * p.kx);
  return p;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// One ring as path data on a whole-pixel grid (outlines need no finer), dropping points that
// fall on the previous one; "" for a ring smaller than 2 px across (a speck of an island).
std::string RingPath(const OutlineRing& r, const Projector& p) {
  if (p.X(r.max_lon) - p.X(r.min_lon) < 2 && p.Y(r.min_lat) - p.Y(r.max_lat) < 2) return "";
  std::string d;
  long last_x = 0, last_y = 0;
  for (size_t i = 0; i < r.lon.size(); ++i) {
    const long x = std::lround(p.X(r.lon[i])), y = std::lround(p.Y(r.lat[i]));
    if (!d.empty() && x == last_x && y == last_y) continue;
    d += (d.empty() ? "M" : "L") + std::to_string(x) + "," + std::to_string(y);
    last_x = x;
    last_y = y;
  }
  return d + "Z";
}

std::string Tooltip(const Event& e, const CountryNamer& namer) {
  return Headline(e) + "\n" + DateWords(e) + "\n" + PlaceWords(e, namer) + "\n" + CasualtyWords(e) +
         "\n" + SourceWords(e);
}

}  // namespace

MapView FitView(const std::vector<const Event*>& points) {
  MapView v;
  bool first = true;
  for (const Event* e : points) {
    if (!e->location || !e->location->has_coords) continue;
    const double lon = e->location->lon, lat = e->location->lat;
    v.min_lon = first ? lon : std::min(v.min_lon, lon);
    v.max_lon = first ? lon : std::max(v.max_lon, lon);
    v.min_lat = first ? lat : std::min(v.min_lat, lat);
    v.max_lat = first ? lat : std::max(v.max_lat, lat);
    first = false;
  }
  const double mlon = std::max(0.5, (v.max_lon - v.min_lon) * 0.1);
  const double mlat = std::max(0.5, (v.max_lat - v.min_lat) * 0.1);
  v.min_lon = std::max(-180.0, v.min_lon - mlon);
  v.max_lon = std::min(180.0, v.max_lon + mlon);
  v.min_lat = std::max(-85.0, v.min_lat - mlat);
  v.max_lat = std::min(85.0, v.max_lat + mlat);
  // Keep the aspect (height / width, in projected units) within [0.4, 1].
  const double kx = std::cos((v.min_lat + v.max_lat) / 2 * kPi / 180);
  const double w = (v.max_lon - v.min_lon) * kx, h = v.max_lat - v.min_lat;
  if (h < 0.4 * w) {
    const double grow = (0.4 * w - h) / 2;
    v.min_lat -= grow;
    v.max_lat += grow;
  } else if (h > w) {
    const double grow = (h - w) / kx / 2;
    v.min_lon -= grow;
    v.max_lon += grow;
  }
  v.width = kWidth;
  const double kx2 = std::cos((v.min_lat + v.max_lat) / 2 * kPi / 180);
  v.height = std::round(kWidth * (v.max_lat - v.min_lat) / ((v.max_lon - v.min_lon) * kx2));
  return v;
}

double CircleRadius(const Event& e) {
  if (!e.fatalities) return 4;
  return std::min(30.0, 4 + 2.5 * std::sqrt(static_cast<double>(std::max<int64_t>(0, e.fatalities->best))));
}

std::string SvgMap(const std::vector<const Event*>& points, const std::map<const Event*, int>& ranks,
                   const WorldOutlines* outlines, const CountryNamer& namer) {
  std::vector<const Event*> placed;
  for (const Event* e : points) {
    if (e->location && e->location->has_coords) placed.push_back(e);
  }
  if (placed.empty()) return "";
  const MapView v = FitView(placed);
  const Projector p = MakeProjector(v);
  std::string s = "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                  Num(v.width) + " " + Num(v.height) + "\" width=\"" + Num(v.width) +
                  "\" height=\"" + Num(v.height) + "\" role=\"img\" aria-label=\"Map of the events\">\n";
  s += "<rect width=\"100%\" height=\"100%\" fill=\"#eef3f7\"/>\n";
  if (outlines) {
    s += "<g fill=\"#f7f4ea\" stroke=\"#9a9a8a\" stroke-width=\"0.7\">\n";
    for (const OutlineRing& r : outlines->rings) {
      if (r.max_lon < v.min_lon || r.min_lon > v.max_lon || r.max_lat < v.min_lat ||
          r.min_lat > v.max_lat) {
        continue;
      }
      const std::string d = RingPath(r, p);
      if (!d.empty()) s += "<path d=\"" + d + "\"><title>" + EscapeHtml(r.country) + "</title></path>\n";
    }
    s += "</g>\n";
  }
  // Large circles first so small ones stay visible on top; ties by id.
  std::stable_sort(placed.begin(), placed.end(), [](const Event* a, const Event* b) {
    return CircleRadius(*a) > CircleRadius(*b);
  });
  s += "<g stroke=\"#7a1f1f\" stroke-width=\"1\">\n";
  for (const Event* e : placed) {
    const bool killed = e->fatalities && e->fatalities->best > 0;
    s += "<circle cx=\"" + Num(p.X(e->location->lon)) + "\" cy=\"" + Num(p.Y(e->location->lat)) +
         "\" r=\"" + Num(CircleRadius(*e)) + "\" fill=\"" + (killed ? "#c0392b" : "#7f8c8d") +
         "\" fill-opacity=\"0.6\"><title>" + EscapeHtml(Tooltip(*e, namer)) + "</title></circle>\n";
  }
  s += "</g>\n<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#222\">\n";
  // Rank labels; key events drawn within 3 px of each other share one label ("3,4").
  struct Label {
    double x, y, r;
    std::string text;
  };
  std::vector<std::pair<int, const Event*>> ranked;
  for (const Event* e : placed) {
    auto it = ranks.find(e);
    if (it != ranks.end()) ranked.push_back({it->second, e});
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Label> labels;
  for (const auto& [rank, e] : ranked) {
    const double x = p.X(e->location->lon), y = p.Y(e->location->lat), r = CircleRadius(*e);
    auto near = std::find_if(labels.begin(), labels.end(), [&](const Label& l) {
      return std::abs(l.x - x) < 3 && std::abs(l.y - y) < 3;
    });
    if (near != labels.end()) {
      near->text += "," + std::to_string(rank);
      near->r = std::max(near->r, r);
    } else {
      labels.push_back({x, y, r, std::to_string(rank)});
    }
  }
  for (const Label& l : labels) {
    s += "<text x=\"" + Num(l.x + l.r + 2) + "\" y=\"" + Num(l.y + 4) + "\">" + l.text + "</text>\n";
  }
  s += "</g>\n</svg>";
  return s;
}

}  // namespace sitrep::show
