#include "sitrep/ingest/encoding.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace sitrep {
namespace {

// Windows-1252 bytes 0x80..0x9F; 0 where the code page leaves a byte undefined.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsSingleByteName(const std::string& name) {
  return name == "windows-1252" || name == "cp1252" || name == "iso-8859-1" ||
         name == "latin1" || name == "latin-1" || name == "iso-8859-15" || name == "us-ascii";
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view declared) {
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF) {
    bytes.remove_prefix(3);
  }
  if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF &&
                             static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                            (static_cast<unsigned char>(bytes[0]) == 0xFE &&
                             static_cast<unsigned char>(bytes[1]) == 0xFF))) {
    return Status::DataLoss("byte 0: UTF-16 text is not supported; convert it to UTF-8");
  }
  // Binary: a NUL byte, or many control characters in the first 4 KiB.
  size_t controls = 0, probe = std::min<size_t>(bytes.size(), 4096);
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return Status::DataLoss("byte " + std::to_string(i) + ": NUL byte: binary data, not text");
    if (i < probe && c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (probe > 0 && controls * 20 > probe) {
    return Status::DataLoss("byte 0: " + std::to_string(controls) +
                            " control characters in the first " + std::to_string(probe) +
                            " bytes: binary data, not text");
  }
  size_t bad = FindInvalidUtf8(bytes);
  std::string decl = Lower(declared);
  if (bad == std::string_view::npos && !IsSingleByteName(decl)) {
    return DecodedText{std::string(bytes), "UTF-8"};
  }
  if (bad == std::string_view::npos) {
    // Declared single-byte but valid UTF-8 with non-ASCII: pages often lie; trust the bytes.
    bool ascii = std::all_of(bytes.begin(), bytes.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) return DecodedText{std::string(bytes), "UTF-8"};
  }
  // Not UTF-8. Windows-1252 is plausible when undefined bytes are absent and high bytes are
  // a minority (real text in a Latin script), unless the container declared it. Valid UTF-8
  // sequences are kept as they are: pasted text often mixes the two ("café" in UTF-8 next to
  // a cp1252 curly quote), and a single stray byte must not turn the rest into mojibake.
  bool single_byte = IsSingleByteName(decl);
  size_t high = 0, multibyte = 0;
  DecodedText out;
  out.text.reserve(bytes.size() + bytes.size() / 8);
  size_t i = 0;
  while (i < bytes.size()) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      out.text.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (!single_byte && len > 1 && i + len <= bytes.size() &&
        FindInvalidUtf8(bytes.substr(i, len)) == std::string_view::npos) {
      out.text.append(bytes.data() + i, len);
      ++multibyte;
      i += len;
      continue;
    }
    ++high;
    if (c < 0xA0) {
      char16_t u = kCp1252High[c - 0x80];
      if (u == 0 && !single_byte) {
        return Status::DataLoss("byte " + std::to_string(i) +
                                ": invalid UTF-8, and not Windows-1252 either (undefined byte)");
      }
      AppendUtf8(u ? u : 0xFFFD, &out.text);
    } else {
      AppendUtf8(c, &out.text);
    }
    ++i;
  }
  if (!single_byte && high * 4 > bytes.size()) {
    return Status::DataLoss("byte " + std::to_string(bad) +
                            ": invalid UTF-8 (and too many high bytes for Windows-1252 text)");
  }
  out.encoding = multibyte > 0 ? "UTF-8+windows-1252" : "windows-1252";
  return out;
}

}  // namespace sitrep
