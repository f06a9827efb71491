#include "sitrep/ingest/describe.h"

#include <gtest/gtest.h>

#include "sitrep/ingest/clean.h"

namespace sitrep {
namespace {

Document Build(const std::string& text, const std::string& published = "",
               const std::string& override_date = "") {
  RawInput in;
  in.id = "t.txt";
  in.origin = "t.txt";
  in.bytes = text;
  in.published = published;
  CleanOptions opt;
  opt.published_override = override_date;
  auto doc = BuildDocument(std::move(in), opt);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? std::move(doc).value() : Document();
}

std::string Date(const Document& d) {
  return d.published.known() ? FormatIsoDate(d.published.earliest) : "";
}

struct DescribeCase {
  const char* name;
  std::string text;
  std::string title, outlet, byline, dateline, date, credits;  // credits joined by ';'
};

const std::string kBody =
    "Officials said the strike killed three people and wounded seven others on Friday.\n\n"
    "The army blamed the paramilitary group, which denied the charge in a statement.\n";

TEST(DescribeTest, Table) {
  const DescribeCase cases[] = {
      {"headline and date line by outlet",
       "Strike hits fuel depot near the port\n\nJanuary 04, 2020 by Harbor Dispatch\n\n" + kBody,
       "Strike hits fuel depot near the port", "Harbor Dispatch", "", "", "2020-01-04", ""},
      {"quoted headline, empty byline with date",
       "\xE2\x80\x9CStrike Hits Fuel Depot Near The Port\xE2\x80\x9D\n\nBy | January 5, 2024\n\n" + kBody,
       "Strike Hits Fuel Depot Near The Port", "", "", "", "2024-01-05", ""},
      {"byline and agency dateline",
       "Strike hits depot\n\nBy Jane Roe\n\nPORT SUDAN, March 14, 2031 (AP) \xE2\x80\x94 " + kBody,
       "Strike hits depot", "", "Jane Roe", "PORT SUDAN", "2031-03-14", "The Associated Press"},
      {"caps dateline, credit line at the end",
       "Officials said a strike killed three people on Friday in the city.\n\nBAGHDAD \xE2\x80\x93 " +
           kBody + "\n\u2014 Reuters\n",
       "", "", "", "", "", "Reuters"},
      {"mixed-case place needs a date or agency",
       "Istanbul/Athens, 7 December 2023 (dpa/MIA) - " + kBody,
       "", "", "", "Istanbul/Athens", "2023-12-07", "dpa;MIA"},
      {"outlet line under the headline",
       "Strike kills three at the depot\nHarbor Media Group\n" + kBody,
       "Strike kills three at the depot", "Harbor Media Group", "", "", "", ""},
      {"published line with time",
       "Strike kills three at the depot\n\nNov. 19, 2019 8:03 am ET\n\n" + kBody,
       "Strike kills three at the depot", "", "", "", "2019-11-19", ""},
      {"a mention of an agency is not a credit",
       "A source later confirmed to Reuters news agency that six were killed on Friday.\n\n" + kBody,
       "", "", "", "", "", ""},
      {"contributors line credits the agency",
       kBody + "\nContributors to this article include Ann Lee of The Associated Press.\n",
       "", "", "", "", "", "The Associated Press"},
      // Regressions found on the dev articles:
      {"a credit line under the headline is not the outlet",
       "Strike kills three at the depot\nPhoto: Harbor Activists Group\n" + kBody,
       "Strike kills three at the depot", "", "", "", "", ""},
      {"a date in a language we do not read is not a title",
       "Domenica 10 Novembre 2031\n" + kBody, "", "", "", "", "", ""},
      {"a day without a year is not part of the dateline",
       "ABUJA, Feb 27 (Reuters) - " + kBody, "", "", "", "ABUJA", "", "Reuters"},
      {"a generic byline is no name",
       "Strike kills three at the depot\n\nBy Admin 14 Apr 2023\n\n" + kBody,
       "Strike kills three at the depot", "", "", "", "2023-04-14", ""},
      {"a caption first is not a title",
       "Smoke over the depot. Photo: Jane Roe/AFP\n" + kBody, "", "", "", "", "", ""},
      {"no evidence leaves the date unknown",
       "On Thursday, January 4, the government said the attack was an escalation.\n\n" + kBody,
       "", "", "", "", "", ""},
  };
  for (const auto& c : cases) {
    Document d = Build(c.text);
    std::string credits;
    for (const auto& w : d.wire_credits) credits += (credits.empty() ? "" : ";") + w;
    EXPECT_EQ(d.title, c.title) << c.name;
    EXPECT_EQ(d.outlet, c.outlet) << c.name;
    EXPECT_EQ(d.byline, c.byline) << c.name;
    EXPECT_EQ(d.dateline, c.dateline) << c.name;
    EXPECT_EQ(Date(d), c.date) << c.name;
    EXPECT_EQ(credits, c.credits) << c.name;
    // The body sentences are all still in the text.
    EXPECT_NE(d.text.find("Officials said the strike killed three"), std::string::npos) << c.name;
  }
}

TEST(DescribeTest, MetadataLinesLeaveTheBody) {
  Document d = Build("Strike hits depot\n\nBy Jane Roe\n\nMarch 14, 2031\n\n" + kBody);
  EXPECT_EQ(d.text.find("Jane Roe"), std::string::npos);
  EXPECT_EQ(d.text.find("March 14"), std::string::npos);
  int metadata = 0;
  for (const auto& r : d.removed) metadata += r.reason == "metadata";
  EXPECT_EQ(metadata, 2);
  ASSERT_FALSE(d.blocks.empty());
  EXPECT_EQ(d.blocks[0].kind, Block::Kind::kTitle);
}

TEST(DescribeTest, DatePriority) {
  const std::string text = "Strike hits depot\n\nMarch 14, 2031\n\n" + kBody;
  EXPECT_EQ(Date(Build(text)), "2031-03-14");
  EXPECT_EQ(Build(text).published_evidence, "date line: 'March 14, 2031'");
  EXPECT_EQ(Date(Build(text, "2031-03-20")), "2031-03-20");
  EXPECT_EQ(Date(Build(text, "2031-03-20", "2031-04-01")), "2031-04-01");
  EXPECT_EQ(Build(text, "", "2031-04-01").published_evidence, "--published");
}

TEST(DescribeTest, HtmlPageMetadata) {
  struct Case {
    const char* name;
    std::string page_title;
    std::vector<std::pair<std::string, std::string>> meta;
    std::string title, outlet, date, evidence;
  } cases[] = {
      {"title suffix is the site", "Strike hits the depot near the port - Harbor Times",
       {{"article:published_time", "2031-03-17T08:00:00Z"}},
       "Strike hits the depot near the port", "Harbor Times", "2031-03-17",
       "meta article:published_time"},
      {"og wins", "Strike hits the depot | Harbor Times",
       {{"og:title", "Strike hits the fuel depot"}, {"og:site_name", "The Harbor Times"},
        {"ld:datePublished", "2031-03-18"}},
       "Strike hits the fuel depot", "The Harbor Times", "2031-03-18", "meta ld:datePublished"},
      {"text date in meta", "Strike hits the depot", {{"date", "March 19, 2031"}},
       "Strike hits the depot", "", "2031-03-19", "meta date"},
      {"no date", "Strike hits the depot", {}, "Strike hits the depot", "", "", ""},
  };
  for (const auto& c : cases) {
    HtmlPage page;
    page.title = c.page_title;
    page.meta = c.meta;
    RawInput in;
    std::vector<TextBlock> blocks = SplitTextBlocks(kBody);
    Document d;
    DescribeDocument(in, &page, "", &blocks, &d);
    EXPECT_EQ(d.title, c.title) << c.name;
    EXPECT_EQ(d.outlet, c.outlet) << c.name;
    EXPECT_EQ(Date(d), c.date) << c.name;
    EXPECT_EQ(d.published_evidence, c.evidence) << c.name;
  }
}

}  // namespace
}  // namespace sitrep
