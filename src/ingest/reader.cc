#include "sitrep/ingest/reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "sitrep/base/file.h"

namespace sitrep {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i])
      return false;
  }
  return true;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool LooksLikeHtml(std::string_view bytes) {
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  std::string head;
  for (size_t k = i; k < bytes.size() && head.size() < 16; ++k)
    head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(bytes[k]))));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
         head.rfind("<head", 0) == 0 || head.rfind("<!--", 0) == 0;
}

std::string StringField(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return "";
}

void ReadJsonl(const std::string& path, const std::string& data, const ReadLimits& limits,
               const InputSink& sink) {
  size_t pos = 0;
  int line_no = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    std::string_view line(data.data() + pos, end - pos);
    size_t line_start = pos;
    pos = end + 1;
    ++line_no;
    std::string where = path + ":" + std::to_string(line_no);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
      line.remove_suffix(1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (line.size() > limits.max_jsonl_line) {
      sink(Status::ResourceExhausted(where + ": record of " + std::to_string(line.size()) +
                                     " bytes is over the limit of " +
                                     std::to_string(limits.max_jsonl_line)));
      continue;
    }
    nlohmann::json obj;
    try {
      obj = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      sink(Status::DataLoss(where + ": not JSON (byte " +
                            std::to_string(line_start + (e.byte > 0 ? e.byte - 1 : 0)) +
                            " of the file): " + e.what()));
      continue;
    }
    if (!obj.is_object()) {
      sink(Status::DataLoss(where + ": a record must be a JSON object"));
      continue;
    }
    RawInput in;
    in.id = StringField(obj, "id");
    in.origin = where;
    if (in.id.empty()) {
      sink(Status::DataLoss(where + ": record has no \"id\""));
      continue;
    }
    std::string text = StringField(obj, "text"), html = StringField(obj, "html");
    if (text.empty() && html.empty()) {
      sink(Status::DataLoss(where + ": record \"" + in.id + "\" has neither \"text\" nor \"html\""));
      continue;
    }
    in.format = html.empty() ? InputFormat::kText : InputFormat::kHtml;
    in.bytes = html.empty() ? std::move(text) : std::move(html);
    if (in.bytes.size() > limits.max_bytes) {
      sink(Status::ResourceExhausted(where + ": document of " + std::to_string(in.bytes.size()) +
                                     " bytes is over the limit of " +
                                     std::to_string(limits.max_bytes) + " (--max-bytes)"));
      continue;
    }
    in.url = StringField(obj, "url");
    in.published = StringField(obj, "published");
    in.outlet = StringField(obj, "outlet");
    in.title = StringField(obj, "title");
    sink(std::move(in));
  }
}

}  // namespace

Result<std::string> Gunzip(const std::string& data, uint64_t max_bytes) {
  std::string out;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Status::Internal("zlib init failed");
  // Input is fed in slices so that sizes past 4 GiB never overflow zlib's 32-bit counters.
  constexpr size_t kSlice = 1u << 30;
  size_t fed = 0;  // bytes of `data` handed to zlib so far
  auto refill = [&] {
    if (zs.avail_in > 0 || fed >= data.size()) return;
    size_t n = std::min(kSlice, data.size() - fed);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + fed));
    zs.avail_in = static_cast<uInt>(n);
    fed += n;
  };
  auto consumed = [&] { return fed - zs.avail_in; };
  char buf[1 << 16];
  while (true) {
    refill();
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t got = sizeof buf - zs.avail_out;
    if (out.size() + got > max_bytes) {
      inflateEnd(&zs);
      return Status::ResourceExhausted("gunzipped size passes the limit of " +
                                       std::to_string(max_bytes) + " bytes (--max-bytes)");
    }
    out.append(buf, got);
    if (rc == Z_STREAM_END) {
      refill();
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows (concatenated .gz files)
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && fed >= data.size()) {
      inflateEnd(&zs);
      return Status::DataLoss("gzip stream truncated at byte " + std::to_string(consumed()));
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      size_t at = consumed();
      std::string msg = zs.msg ? zs.msg : "inflate error";
      inflateEnd(&zs);
      return Status::DataLoss("gzip stream corrupt at byte " + std::to_string(at) + ": " + msg);
    }
  }
  inflateEnd(&zs);
  return out;
}

void ReadInputFile(const std::string& path, const ReadLimits& limits, const InputSink& sink) {
  bool gz = EndsWith(path, ".gz");
  // A compressed file may expand; read at most max_bytes of compressed data for documents,
  // and allow JSONL files to hold many documents.
  std::string inner = gz ? path.substr(0, path.size() - 3) : path;
  bool jsonl = EndsWith(inner, ".jsonl") || EndsWith(inner, ".ndjson");
  uint64_t file_limit = jsonl ? std::max<uint64_t>(limits.max_bytes, 4ull << 30) : limits.max_bytes;
  auto bytes = ReadFileBytes(path, file_limit);
  if (!bytes.ok()) {
    sink(bytes.status());
    return;
  }
  std::string data = std::move(bytes).value();
  if (gz) {
    auto un = Gunzip(data, file_limit);
    if (!un.ok()) {
      sink(un.status().WithContext(path));
      return;
    }
    data = std::move(un).value();
  }
  if (jsonl) {
    ReadJsonl(path, data, limits, sink);
    return;
  }
  if (data.empty()) {
    sink(Status::DataLoss(path + ": empty file"));
    return;
  }
  RawInput in;
  in.id = BaseName(path);
  in.origin = path;
  bool html = EndsWith(inner, ".html") || EndsWith(inner, ".htm") || EndsWith(inner, ".xhtml");
  in.format = html || LooksLikeHtml(data) ? InputFormat::kHtml : InputFormat::kText;
  in.bytes = std::move(data);
  sink(std::move(in));
}

bool IsArticleFileName(const std::string& path) {
  std::string name = BaseName(path);
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  for (std::string_view ext : {".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".jsonl",
                               ".ndjson"}) {
    if (EndsWith(name, ext) && name.size() > ext.size()) return true;
  }
  return false;
}

Status ReadInputs(const std::vector<std::string>& paths, const ReadLimits& limits,
                  const InputSink& sink, const NoticeSink& notice) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    if (p == "-") return Status::InvalidArgument("reading from standard input is not supported");
    auto listed = ListFilesRecursive(p);
    if (!listed.ok()) return listed.status();
    if (!IsDirectory(p)) {
      files.insert(files.end(), listed->begin(), listed->end());
      continue;
    }
    std::vector<std::string> skipped;
    for (auto& f : *listed) {
      if (IsArticleFileName(f)) {
        files.push_back(std::move(f));
      } else {
        skipped.push_back(BaseName(f));
      }
    }
    if (!skipped.empty() && notice) {
      std::string msg = p + ": skipped " + std::to_string(skipped.size()) +
                        " file(s) that are not articles (.txt .html .jsonl and their .gz): ";
      for (size_t i = 0; i < skipped.size() && i < 3; ++i) msg += (i ? ", " : "") + skipped[i];
      if (skipped.size() > 3) msg += ", ...";
      notice(msg);
    }
  }
  for (const auto& f : files) ReadInputFile(f, limits, sink);
  return Status::Ok();
}

}  // namespace sitrep
