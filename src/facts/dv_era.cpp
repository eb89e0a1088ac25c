#include "labelcheck/facts/dv_era.hpp"

#include "labelcheck/facts/fuzzy.hpp"

#include <cmath>
#include <regex>

namespace labelcheck::facts {

namespace {

bool contains(const std::string& hay, std::string_view needle)
{
    return hay.find(needle) != std::string::npos;
}

// Lower case with spaces and punctuation removed except digits: "Sodium Less than 2,400mg" -> "sodiumlessthan2400mg".
std::string squash(std::string_view line)
{
    std::string out;
    for (char c : toLowerAscii(line))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    return out;
}

struct EraDv {
    std::string_view name;
    double current, pre2016; // mg
};
constexpr EraDv kEraDvs[] = {
    {"sodium", 2300, 2400},          {"potassium", 4700, 3500},   {"calcium", 1300, 1000},
    {"magnesium", 420, 400},         {"total fat", 78000, 65000}, {"total carbohydrate", 275000, 300000},
    {"dietary fiber", 28000, 25000},
};

} // namespace

DvEraEvidence eraEvidenceFromText(const std::vector<std::string>& lines, bool supplementFacts)
{
    DvEraEvidence ev;
    bool tableSeen = false;
    for (const auto& line : lines) {
        std::string s = squash(line);
        // "Calories from Fat", gone from the 2016 format; "from Fat" alone when OCR garbled "Calories" ("stevics
        // from Fat 0"): no other row of a panel says it.
        if (contains(s, "fromfat"))
            ev.pre2016 += 3;
        if (contains(s, "basedona2000calorie") && !supplementFacts)
            ev.pre2016 += 3;
        if (contains(s, "calories2000") || contains(s, "calorie2000") || contains(s, "20002500")) {
            ev.pre2016 += 3;
            tableSeen = true;
        }
        if (contains(s, "sodiumlessthan2400") || contains(s, "sodiumlessthan24oo"))
            ev.pre2016 += 3;
        if (contains(s, "sodiumlessthan2300"))
            ev.current += 3;
        if (tableSeen && (contains(s, "potassium3500") || contains(s, "potassium35oo")))
            ev.pre2016 += 3;
        if (contains(s, "addedsugars"))
            ev.current += 3;
        if (contains(s, "2000caloriesaday") || contains(s, "generalnutritionadvice"))
            ev.current += 3;
        // Old mandatory vitamin rows as %DV only: "Vitamin A 0% • Vitamin C 0%".
        static const std::regex kOldVitamin(R"((^|[^a-z])vitamin [ac] ?[0-9]+ ?%)");
        if (std::regex_search(toLowerAscii(line), kOldVitamin))
            ev.pre2016 += 2;
    }
    return ev;
}

void addConsistencyVotes(DvEraEvidence& ev, const std::vector<DvSample>& samples)
{
    for (const auto& smp : samples) {
        if (smp.pct < 3)
            continue; // rounding dominates
        for (const auto& d : kEraDvs) {
            if (smp.canonical != d.name)
                continue;
            double errCur = std::abs(smp.amountMg / d.current * 100.0 - smp.pct);
            double errOld = std::abs(smp.amountMg / d.pre2016 * 100.0 - smp.pct);
            if (errCur + 1.0 < errOld)
                ev.current += 1;
            else if (errOld + 1.0 < errCur)
                ev.pre2016 += 1;
        }
    }
}

DvEra decideEra(const DvEraEvidence& ev, bool percentOnlyCalciumOrPotassium)
{
    if (ev.current > ev.pre2016)
        return DvEra::Current;
    if (ev.pre2016 > ev.current)
        return DvEra::Pre2016;
    return percentOnlyCalciumOrPotassium ? DvEra::Pre2016 : DvEra::Current;
}

bool fitsDailyValue(Mineral m, double mg, double pct)
{
    for (DvEra era : {DvEra::Current, DvEra::Pre2016}) {
        double implied = mg / dailyValues(era).of(m) * 100.0;
        if (pct == 0.0) {
            if (implied < 2.0)
                return true;
        } else if (pct == 0.5) {
            if (implied < 1.5)
                return true;
        } else if (std::abs(implied - pct) <= std::max(1.5, 0.2 * pct)) {
            return true;
        }
    }
    return false;
}

bool roundsToDailyValue(Mineral m, double mg, double pct)
{
    if (pct < 1)
        return false;
    for (DvEra era : {DvEra::Current, DvEra::Pre2016}) {
        const double implied = mg / dailyValues(era).of(m) * 100.0;
        if (std::abs(implied - pct) <= 0.5 + 1e-9)
            return true;
    }
    return false;
}

bool confirmedByDailyValue(Mineral m, const MineralAmount& a)
{
    return !a.estimated && a.amount && a.dailyValuePct && *a.dailyValuePct >= 1 &&
           roundsToDailyValue(m, a.mg, *a.dailyValuePct);
}

} // namespace labelcheck::facts
