#include "label_spec.hpp"

#include "labelcheck/core/gtin.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace labelgen {

using labelcheck::AmountUnit;
using labelcheck::Mineral;
using labelcheck::MineralAmount;

namespace {

using Strings = std::vector<std::string>;

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool contains(const std::string& hay, const std::string& needle) { return lower(hay).find(lower(needle)) != std::string::npos; }

// "1,000" or "1000" for integers, shortest decimals otherwise.
std::string number(double v, bool thousandsComma)
{
    char buf[32];
    if (std::abs(v - std::round(v)) < 1e-9) {
        long n = std::lround(v);
        std::snprintf(buf, sizeof buf, "%ld", n);
        std::string s = buf;
        if (thousandsComma && n >= 1000)
            s.insert(s.size() - 3, ",");
        return s;
    }
    std::snprintf(buf, sizeof buf, "%.3f", v);
    std::string s = buf;
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}

struct Printed {
    double amount;
    AmountUnit unit;
    double mg;
};

std::string amountText(const Printed& p, bool spaced, bool comma)
{
    return number(p.amount, comma) + (spaced ? " " : "") + std::string(labelcheck::unitName(p.unit));
}

// The %DV as printed and as the contract reports it ("<1%" is 0.5).
std::pair<std::string, double> dvText(double mg, double dailyValue, bool lessThanOne)
{
    double pct = mg / dailyValue * 100.0;
    if (mg > 0 && pct < 1.0 && lessThanOne)
        return {"<1%", 0.5};
    long r = std::lround(pct);
    return {std::to_string(r) + "%", static_cast<double>(r)};
}

double roundTo(double v, double step) { return std::round(v / step) * step; }

const Strings kBrands = {"Summit Labs", "Blue Harbor", "Northfield", "VITALCORE", "Peak Form", "Solstice", "Riverbend Naturals",
                         "Kinetic", "Greenway", "ALTITUDE", "Bright Day", "Coastline", "Ironwood", "Evergreen Health",
                         "Trailhead", "Nova Nutrition", "PURE PATH", "Meridian", "Harvest Moon", "Fieldstone"};
const Strings kElectrolyteNames = {"Hydration Mix", "Rapid Rehydrate", "Sport Hydration", "Daily Hydration", "Endurance Fuel",
                                   "Keto Hydrate", "Salt Tabs", "Recovery Drink Mix", "Hydrate+", "Thirst Relief",
                                   "Hydration Multiplier", "Race Day Mix"};
const Strings kElectrolyteClaims = {"Electrolyte Drink Mix", "ELECTROLYTES", "Hydration + Electrolytes", "Electrolyte Powder",
                                    "Electrolyte Replacement", "Zero Sugar Electrolyte Mix", "with Electrolytes",
                                    "Electrolyte Hydration Formula", "Essential Electrolytes"};
const Strings kPlainSupplementNames = {"Magnesium Glycinate", "Calcium + D3", "Daily Multivitamin", "Vitamin C Immune",
                                       "Sleep Support", "Bone Health Complex", "Men's Daily", "Prenatal Formula",
                                       "Energy Chews", "Greens Superfood", "Joint Support", "Stress Relief"};
const Strings kNutritionClaimNames = {"Sports Drink", "Coconut Water", "Thirst Quencher", "Hydration Drink", "Sparkling Water"};
const Strings kNutritionPlainNames = {"Oat Granola", "Sea Salt Crackers", "Tomato Soup", "Protein Bar", "Trail Mix",
                                      "Lemonade", "Almond Milk", "Peanut Butter", "Iced Tea", "Rice Cakes"};
const Strings kFlavors = {"Lemon Lime", "Watermelon", "Raspberry", "Citrus Salt", "Orange", "Mango Chili", "Berry",
                          "Unflavored", "Tropical Punch", "Grape", "Peach", "Cherry Lime"};

const std::array<Strings, 4> kCompounds = {{
    {"sodium citrate", "sodium chloride", "sodium bicarbonate"},
    {"potassium citrate", "potassium chloride", "dipotassium phosphate"},
    {"calcium lactate", "calcium carbonate", "calcium citrate", "dicalcium phosphate"},
    {"magnesium citrate", "magnesium lactate", "magnesium bisglycinate", "magnesium oxide", "magnesium malate"},
}};
const std::array<const char*, 4> kMineralTitle = {"Sodium", "Potassium", "Calcium", "Magnesium"};

std::string titleCase(const std::string& s)
{
    std::string out = s;
    bool start = true;
    for (char& c : out) {
        if (start && std::isalpha(static_cast<unsigned char>(c)))
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        start = c == ' ' || c == '(' || c == '-';
    }
    return out;
}

// Typical declared amounts in mg for supplements / drink mixes.
double mineralMg(Rng& rng, Mineral m)
{
    double lo = 10, hi = 500;
    switch (m) {
    case Mineral::Sodium: lo = 20; hi = 1000; break;
    case Mineral::Potassium: lo = 20; hi = 800; break;
    case Mineral::Calcium: lo = 10; hi = 500; break;
    case Mineral::Magnesium: lo = 5; hi = 400; break;
    }
    double v = std::exp(rng.uniform(std::log(lo), std::log(hi)));
    if (rng.chance(0.15))
        return std::max(1.0, std::round(v)); // odd values such as 99 or 198 occur
    return v < 20 ? std::max(1.0, std::round(v)) : v < 100 ? roundTo(v, 5) : roundTo(v, 10);
}

Printed chooseUnit(Rng& rng, double mg, Mineral m)
{
    if (mg >= 100 && rng.chance(0.12)) {
        double g = roundTo(mg, 100) / 1000.0;
        return {g, AmountUnit::G, g * 1000.0};
    }
    if ((m == Mineral::Magnesium || m == Mineral::Calcium) && rng.chance(0.02)) {
        double mcg = rng.pick(std::vector<double>{250, 500, 750, 800});
        return {mcg, AmountUnit::Mcg, mcg / 1000.0};
    }
    return {mg, AmountUnit::Mg, mg};
}

std::string mineralRowName(Rng& rng, Mineral m, std::vector<std::string>& compoundsUsed)
{
    std::string base = kMineralTitle[labelcheck::index(m)];
    if (rng.chance(0.35))
        return base;
    const auto& pool = kCompounds[labelcheck::index(m)];
    std::string c = pool[static_cast<std::size_t>(rng.range(0, static_cast<int>(pool.size()) - 1))];
    compoundsUsed.push_back(c);
    bool cap = rng.chance(0.5);
    std::string shown = cap ? titleCase(c) : c;
    if (m == Mineral::Sodium && rng.chance(0.2)) {
        compoundsUsed.push_back("sodium chloride");
        compoundsUsed.push_back("sodium citrate");
        return base + (cap ? " (as Sodium Chloride and Sodium Citrate)" : " (as sodium chloride and sodium citrate)");
    }
    if (m == Mineral::Sodium && rng.chance(0.15))
        return base + " (from pink Himalayan salt)";
    return base + (rng.chance(0.85) ? " (as " : " (from ") + shown + ")";
}

struct ExtraRow {
    std::string name, amount, dv;
    std::string compound; // goes into the ingredient list
};

std::vector<ExtraRow> supplementExtras(Rng& rng)
{
    std::vector<ExtraRow> pool = {
        {"Calories", rng.pick(Strings{"0", "5", "10", "15", "20", "35"}), "", ""},
        {"Total Carbohydrate", rng.pick(Strings{"1 g", "2 g", "4 g", "<1 g"}), rng.pick(Strings{"<1%*", "1%*", "1%"}), ""},
        {"Total Sugars", rng.pick(Strings{"0 g", "1 g", "3 g"}), "†", ""},
        {"Vitamin C (as ascorbic acid)", rng.pick(Strings{"60 mg", "90 mg", "250 mg", "500 mg"}), rng.pick(Strings{"67%", "100%", "278%", "556%"}), "ascorbic acid"},
        {"Vitamin B6 (as pyridoxine HCl)", "1.7 mg", "100%", "pyridoxine hydrochloride"},
        {"Vitamin D3 (as cholecalciferol)", "25 mcg (1,000 IU)", "125%", "cholecalciferol"},
        {"Zinc (as zinc citrate)", rng.pick(Strings{"2 mg", "5 mg", "11 mg"}), rng.pick(Strings{"18%", "45%", "100%"}), "zinc citrate"},
        {"Chloride (as sodium chloride)", rng.pick(Strings{"120 mg", "390 mg", "480 mg", "610 mg"}), rng.pick(Strings{"5%", "17%", "21%", "27%"}), "sodium chloride"},
        {"Phosphorus (as dipotassium phosphate)", rng.pick(Strings{"50 mg", "75 mg", "120 mg"}), rng.pick(Strings{"4%", "6%", "10%"}), "dipotassium phosphate"},
        {"Manganese (as manganese gluconate)", "1 mg", "43%", "manganese gluconate"},
        {"Selenium (as selenomethionine)", "10 mcg", "18%", "selenomethionine"},
        {"Chromium (as chromium picolinate)", "35 mcg", "100%", "chromium picolinate"},
        {"Taurine", "100 mg", "†", "taurine"},
        {"L-Glutamine", "500 mg", "†", "L-glutamine"},
        {"Coconut Water Powder", "250 mg", "†", "coconut water powder"},
        {"Trace Mineral Complex", "20 mg", "†", "trace mineral complex"},
        {"Iron (as ferrous bisglycinate)", "8 mg", "44%", "ferrous bisglycinate"},
    };
    rng.shuffle(pool);
    int n = rng.range(0, 5);
    pool.resize(static_cast<std::size_t>(n));
    return pool;
}

void addBarcode(Rng& rng, labelcheck::CheckResult& truth)
{
    // GS1 restricted-circulation numbers where the symbology allows them: EAN-13 prefix 20-29,
    // UPC-A number system 2, EAN-8 prefix 2 (RCN-8). UPC-E can only carry number system 0 or 1, so
    // those are random GS1 US numbers (the only ones here that are not restricted circulation).
    auto digits = [&](int n) {
        std::string s;
        for (int i = 0; i < n; ++i)
            s += static_cast<char>('0' + rng.range(0, 9));
        return s;
    };
    double r = rng.uniform();
    labelcheck::BarcodeInfo b;
    if (r < 0.45) {
        std::string p = "2" + digits(11);
        b = {p + char('0' + labelcheck::gtin::checkDigit(p)), "EAN-13", ""};
    } else if (r < 0.82) {
        std::string p = "2" + digits(10);
        b = {p + char('0' + labelcheck::gtin::checkDigit(p)), "UPC-A", ""};
    } else if (r < 0.91) {
        std::string p = "2" + digits(6);
        b = {p + char('0' + labelcheck::gtin::checkDigit(p)), "EAN-8", ""};
    } else {
        for (;;) {
            std::string body = "0" + digits(6);
            // The check digit is the expanded UPC-A's; find it by trying the ten candidates.
            for (int c = 0; c < 10; ++c) {
                std::string e = body + char('0' + c);
                if (labelcheck::gtin::expandUpcE(e)) {
                    b = {e, "UPC-E", ""};
                    break;
                }
            }
            if (!b.text.empty())
                break;
        }
    }
    auto g = labelcheck::gtin::toGtin14(b.text, b.format == "UPC-E" ? std::optional(labelcheck::gtin::Kind::UpcE)
                                                                    : std::nullopt);
    b.gtin14 = *g;
    truth.barcode = b;
}

std::string servingFor(Rng& rng, std::string& form)
{
    struct S { const char* text; const char* form; };
    static const std::vector<S> kServings = {
        {"1 Stick Pack (6 g)", "powder"}, {"1 Scoop (7.4 g)", "powder"}, {"1 Packet (16 g)", "powder"},
        {"2 Scoops (14 g)", "powder"}, {"1 Tablespoon (10 g)", "powder"}, {"2 Capsules", "capsule"},
        {"1 Capsule", "capsule"}, {"1 Tablet", "tablet"}, {"2 Tablets", "tablet"}, {"1 Stick (5.5 g)", "powder"},
    };
    const S& s = kServings[static_cast<std::size_t>(rng.range(0, static_cast<int>(kServings.size()) - 1))];
    form = s.form;
    return s.text;
}

PanelItem bar(int weight) { return PanelItem{PanelItem::Kind::Bar, "", "", "", 0, false, 1.0, weight}; }
PanelItem text(std::string t, double size = 1.0, bool bold = false, int indent = 0)
{
    PanelItem i;
    i.kind = PanelItem::Kind::Text;
    i.text = std::move(t);
    i.size = size;
    i.bold = bold;
    i.indent = indent;
    return i;
}
PanelItem row(std::string name, std::string amount, std::string dv, bool bold = false, int indent = 0)
{
    PanelItem i;
    i.kind = PanelItem::Kind::Row;
    i.text = std::move(name);
    i.amount = std::move(amount);
    i.dv = std::move(dv);
    i.bold = bold;
    i.indent = indent;
    return i;
}

MineralAmount declared(const Printed& p, std::optional<double> dv)
{
    MineralAmount a;
    a.amount = p.amount;
    a.unit = p.unit;
    a.mg = p.mg;
    a.dailyValuePct = dv;
    return a;
}

} // namespace

LabelSpec makeLabelSpec(Rng& rng, unsigned mask, bool claimed, Difficulty difficulty)
{
    (void)difficulty;
    LabelSpec s;
    auto& truth = s.truth;
    truth.ok = true;
    const auto has = [&](Mineral m) { return (mask >> labelcheck::index(m)) & 1u; };

    double panelRoll = rng.uniform();
    s.style = panelRoll < 0.70 ? PanelStyle::Supplement : panelRoll < 0.91 ? PanelStyle::Nutrition2016 : PanelStyle::NutritionPre2016;
    truth.panel = s.style == PanelStyle::Supplement ? labelcheck::PanelType::SupplementFacts : labelcheck::PanelType::NutritionFacts;
    s.lightOnDark = rng.chance(0.07);
    s.brand = rng.pick(kBrands);
    s.flavor = rng.chance(0.6) ? rng.pick(kFlavors) : "";

    const bool supplement = s.style == PanelStyle::Supplement;
    bool blend = supplement && claimed && rng.chance(0.3);
    if (claimed) {
        s.productName = supplement ? rng.pick(kElectrolyteNames) : rng.pick(kNutritionClaimNames);
        s.claim = (blend && rng.chance(0.5)) ? "" : rng.pick(kElectrolyteClaims);
    } else {
        s.productName = supplement ? rng.pick(kPlainSupplementNames) : rng.pick(kNutritionPlainNames);
    }

    Strings ingredients;
    Strings compoundsUsed;  // named in rows: must also appear in the ingredient list
    Strings mentionTexts;   // blend lines and non-mineral rows that name compounds
    const bool spaced = rng.chance(0.7);
    const bool comma = rng.chance(0.6);

    if (supplement) {
        s.servingSize = servingFor(rng, s.form);
        s.netContents = s.form == "powder"    ? rng.pick(Strings{"NET WT 7.4 OZ (210 g)", "30 STICK PACKS", "NET WT 3.2 OZ (90 g)", "20 SINGLE SERVINGS"})
                        : s.form == "capsule" ? rng.pick(Strings{"60 CAPSULES", "120 VEGGIE CAPSULES", "90 SOFTGELS"})
                                              : rng.pick(Strings{"90 TABLETS", "30 TABLETS", "60 CHEWABLE TABLETS"});
        if (s.form != "powder")
            s.flavor.clear();
        const auto dvs = rng.chance(0.9) ? labelcheck::kDailyValues2016 : labelcheck::kDailyValuesPre2016;
        const bool lessThanOne = rng.chance(0.85);

        std::vector<PanelItem> rows;
        for (Mineral m : labelcheck::kMinerals) {
            const std::size_t i = labelcheck::index(m);
            if (has(m)) {
                Printed p = chooseUnit(rng, mineralMg(rng, m), m);
                auto [dvs_text, dv] = dvText(p.mg, dvs.of(m), lessThanOne);
                std::optional<double> dvValue = dv;
                if (rng.chance(0.04)) { // some labels leave the %DV out
                    dvs_text = "";
                    dvValue = std::nullopt;
                }
                rows.push_back(row(mineralRowName(rng, m, compoundsUsed), amountText(p, spaced, comma), dvs_text));
                truth.minerals[i] = declared(p, dvValue);
            } else if (rng.chance(0.04)) {
                Printed p{0, AmountUnit::Mg, 0};
                rows.push_back(row(kMineralTitle[i], amountText(p, spaced, comma), "0%"));
                truth.minerals[i] = declared(p, 0.0);
            }
        }
        for (const auto& e : supplementExtras(rng)) {
            rows.push_back(row(e.name, e.amount, e.dv));
            if (!e.compound.empty()) {
                ingredients.push_back(e.compound);
                mentionTexts.push_back(e.name);
            }
        }
        if (rows.empty())
            rows.push_back(row("Vitamin C (as ascorbic acid)", "90 mg", "100%"));
        rng.shuffle(rows);
        if (blend) {
            // Compounds under the blend: some of the declared minerals' and, often, a missing one's.
            Strings names;
            for (Mineral m : labelcheck::kMinerals) {
                const auto& pool = kCompounds[labelcheck::index(m)];
                double p = has(m) ? 0.6 : 0.45;
                if (rng.chance(p))
                    names.push_back(pool[static_cast<std::size_t>(rng.range(0, static_cast<int>(pool.size()) - 1))]);
            }
            if (names.empty())
                names.push_back("sodium citrate");
            names.push_back(rng.pick(Strings{"coconut water powder", "pink Himalayan salt", "trace minerals"}));
            rng.shuffle(names);
            std::string line;
            bool cap = rng.chance(0.6);
            for (std::size_t k = 0; k < names.size(); ++k) {
                line += (k ? ", " : "") + (cap ? titleCase(names[k]) : names[k]);
                ingredients.push_back(names[k]);
            }
            mentionTexts.push_back(line);
            PanelItem b = row(rng.pick(Strings{"Electrolyte Blend", "Proprietary Electrolyte Blend", "Electrolyte Complex"}),
                              rng.pick(Strings{"1.2 g", "850 mg", "1,050 mg", "2 g", "600 mg"}), "†");
            std::size_t at = static_cast<std::size_t>(rng.range(0, static_cast<int>(rows.size())));
            rows.insert(rows.begin() + static_cast<long>(at), b);
            PanelItem compounds = text(line, 0.88, false, 1);
            compounds.ruleAbove = false;
            rows.insert(rows.begin() + static_cast<long>(at) + 1, compounds);
        }

        s.items.push_back(PanelItem{PanelItem::Kind::Title, "Supplement Facts"});
        s.items.push_back(text("Serving Size " + s.servingSize, 0.95));
        if (rng.chance(0.8))
            s.items.push_back(text("Servings Per Container " + std::to_string(rng.pick(std::vector<int>{20, 30, 40, 60, 90})), 0.95));
        s.items.push_back(bar(3));
        PanelItem header;
        header.kind = PanelItem::Kind::Header;
        header.bold = true;
        header.size = 0.85;
        header.text = rng.pick(Strings{"Amount Per Serving", "Amount Per Serving", "Each Serving Contains"});
        header.amount = rng.pick(Strings{"% Daily Value", "% Daily Value", "%DV"});
        s.items.push_back(header);
        bool first = true;
        for (auto& r : rows) {
            if (first)
                r.ruleAbove = true;
            first = false;
            s.items.push_back(r);
        }
        s.items.push_back(bar(3));
        bool anyStar = false, anyDagger = false;
        for (const auto& it : s.items) {
            anyStar |= it.dv.find('*') != std::string::npos;
            anyDagger |= it.dv.find("†") != std::string::npos;
        }
        if (anyStar)
            s.items.push_back(text("* Percent Daily Values are based on a 2,000 calorie diet.", 0.78));
        if (anyDagger)
            s.items.push_back(text("† Daily Value not established.", 0.78));

        Strings fillers = s.form == "powder"
                              ? Strings{"citric acid", "natural flavors", "stevia leaf extract", "malic acid", "silicon dioxide",
                                        "monk fruit extract", "beet juice powder (color)", "cane sugar", "dextrose"}
                              : Strings{s.form == "capsule" ? "hypromellose (capsule)" : "croscarmellose sodium", "rice flour",
                                        "magnesium stearate", "silicon dioxide", "microcrystalline cellulose",
                                        "dicalcium phosphate", "stearic acid"};
        rng.shuffle(fillers);
        fillers.resize(static_cast<std::size_t>(rng.range(2, 5)));
        for (auto& f : fillers)
            ingredients.push_back(f);
    } else {
        const bool y2016 = s.style == PanelStyle::Nutrition2016;
        static const Strings kDrinks = {"Sports Drink", "Coconut Water", "Thirst Quencher", "Hydration Drink", "Sparkling Water",
                                        "Lemonade", "Almond Milk", "Iced Tea"};
        const bool drink = std::find(kDrinks.begin(), kDrinks.end(), s.productName) != kDrinks.end();
        const bool drinkMix = drink && rng.chance(0.3);
        s.form = drinkMix ? "powder" : drink ? "liquid" : "food";
        if (s.form == "food")
            s.flavor.clear();
        if (s.form == "powder") {
            s.servingSize = rng.pick(Strings{"1 packet (19g)", "1 stick (7g)", "2 tbsp (17g)"});
            s.netContents = rng.pick(Strings{"NET WT 12 OZ (340 g)", "10 PACKETS", "NET WT 5.3 OZ (150 g)"});
        } else if (s.form == "liquid") {
            s.servingSize = rng.pick(Strings{"1 bottle (591 mL)", "8 fl oz (240 mL)", "12 fl oz (355 mL)", "1 cup (240 mL)"});
            s.netContents = rng.pick(Strings{"20 FL OZ (591 mL)", "32 FL OZ (946 mL)", "12 FL OZ (355 mL)", "1 L (33.8 FL OZ)"});
        } else {
            s.servingSize = rng.pick(Strings{"2/3 cup (55g)", "1 bar (40g)", "9 crackers (30g)", "1 cup (245g)", "1/4 cup (30g)"});
            s.netContents = rng.pick(Strings{"NET WT 12 OZ (340 g)", "NET WT 1.4 OZ (40 g)", "NET WT 8 OZ (227 g)"});
        }
        const auto dvs = y2016 ? labelcheck::kDailyValues2016 : labelcheck::kDailyValuesPre2016;
        auto nfMg = [&](Mineral m) {
            double v = mineralMg(rng, m);
            if (m == Mineral::Sodium)
                return v < 5 ? 5.0 : v <= 140 ? roundTo(v, 5) : roundTo(v, 10);
            return std::max(10.0, roundTo(v, 10));
        };
        auto mineralRow = [&](Mineral m, bool bold) -> std::optional<PanelItem> {
            const std::size_t i = labelcheck::index(m);
            if (has(m)) {
                Printed p{nfMg(m), AmountUnit::Mg, 0};
                p.mg = p.amount;
                auto [t, dv] = dvText(p.mg, dvs.of(m), false);
                truth.minerals[i] = declared(p, dv);
                return row(kMineralTitle[i], amountText(p, false, comma), t, bold);
            }
            return std::nullopt;
        };
        auto zeroRow = [&](Mineral m, bool bold) {
            const std::size_t i = labelcheck::index(m);
            Printed p{0, AmountUnit::Mg, 0};
            truth.minerals[i] = declared(p, 0.0);
            return row(kMineralTitle[i], "0mg", "0%", bold);
        };

        s.items.push_back(PanelItem{PanelItem::Kind::Title, "Nutrition Facts"});
        const int calories = rng.pick(std::vector<int>{0, 10, 25, 50, 80, 110, 140, 200, 230});
        if (y2016) {
            s.items.push_back(text(rng.pick(Strings{"1 serving per container", "2 servings per container", "8 servings per container",
                                                     "12 servings per container", "About 20 servings per container"}), 0.95));
            PanelItem serving;
            serving.kind = PanelItem::Kind::Header;
            serving.bold = true;
            serving.size = 1.1;
            serving.text = "Serving size";
            serving.amount = s.servingSize;
            s.items.push_back(serving);
            s.items.push_back(bar(3));
            s.items.push_back(text("Amount per serving", 0.85, true));
            PanelItem cal;
            cal.kind = PanelItem::Kind::Calories;
            cal.text = std::to_string(calories);
            s.items.push_back(cal);
            s.items.push_back(bar(2));
            PanelItem h;
            h.kind = PanelItem::Kind::Header;
            h.bold = true;
            h.size = 0.85;
            h.amount = "% Daily Value*";
            s.items.push_back(h);
            s.items.push_back(row("Total Fat", "0g", "0%", true));
            s.items.push_back(row("Saturated Fat", "0g", "0%", false, 1));
            s.items.push_back(row("Cholesterol", "0mg", "0%", true));
            s.items.push_back(has(Mineral::Sodium) ? *mineralRow(Mineral::Sodium, true) : zeroRow(Mineral::Sodium, true));
            s.items.push_back(row("Total Carbohydrate", std::to_string(calories / 4) + "g", std::to_string(calories / 4 * 100 / 275) + "%", true));
            s.items.push_back(row("Total Sugars", std::to_string(calories / 5) + "g", "", false, 1));
            s.items.push_back(row("Includes " + std::to_string(calories / 5) + "g Added Sugars", "", std::to_string(calories / 5 * 2) + "%", false, 2));
            s.items.push_back(row("Protein", "0g", "", true));
            s.items.push_back(bar(3));
            std::vector<PanelItem> micro;
            Strings notSignificant;
            micro.push_back(row("Vitamin D", "0mcg", "0%"));
            micro.push_back(row("Iron", "0mg", "0%"));
            for (Mineral m : {Mineral::Calcium, Mineral::Potassium}) {
                if (auto r = mineralRow(m, false))
                    micro.push_back(*r);
                else if (rng.chance(0.5))
                    micro.push_back(zeroRow(m, false));
                else
                    notSignificant.push_back(lower(kMineralTitle[labelcheck::index(m)]));
            }
            if (auto r = mineralRow(Mineral::Magnesium, false))
                micro.push_back(*r);
            rng.shuffle(micro);
            bool first = true;
            for (auto& r : micro) {
                r.ruleAbove = !first;
                first = false;
                s.items.push_back(r);
            }
            s.items.push_back(bar(2));
            if (!notSignificant.empty()) {
                std::string t = "Not a significant source of ";
                for (std::size_t k = 0; k < notSignificant.size(); ++k)
                    t += (k ? " and " : "") + notSignificant[k];
                s.items.push_back(text(t + ".", 0.78));
            }
            s.items.push_back(text("* The % Daily Value (DV) tells you how much a nutrient in a serving of food contributes "
                                   "to a daily diet. 2,000 calories a day is used for general nutrition advice.",
                                   0.72));
        } else {
            s.items.push_back(text("Serving Size " + s.servingSize, 0.95));
            s.items.push_back(text("Servings Per Container " + std::to_string(rng.pick(std::vector<int>{1, 2, 8, 12})), 0.95));
            s.items.push_back(bar(3));
            s.items.push_back(text("Amount Per Serving", 0.85, true));
            PanelItem cal;
            cal.kind = PanelItem::Kind::Header;
            cal.text = "Calories " + std::to_string(calories);
            cal.amount = "Calories from Fat 0";
            cal.bold = true;
            s.items.push_back(cal);
            s.items.push_back(bar(2));
            PanelItem h;
            h.kind = PanelItem::Kind::Header;
            h.bold = true;
            h.size = 0.85;
            h.amount = "% Daily Value*";
            s.items.push_back(h);
            s.items.push_back(row("Total Fat", "0g", "0%", true));
            s.items.push_back(row("Cholesterol", "0mg", "0%", true));
            s.items.push_back(has(Mineral::Sodium) ? *mineralRow(Mineral::Sodium, true) : zeroRow(Mineral::Sodium, true));
            const bool potassiumMg = rng.chance(0.6);
            if (potassiumMg)
                if (auto r = mineralRow(Mineral::Potassium, true))
                    s.items.push_back(*r);
            s.items.push_back(row("Total Carbohydrate", std::to_string(calories / 4) + "g", std::to_string(calories / 4 * 100 / 300) + "%", true));
            s.items.push_back(row("Sugars", std::to_string(calories / 5) + "g", "", false, 1));
            s.items.push_back(row("Protein", "0g", "", true));
            s.items.push_back(bar(3));
            // Vitamins and minerals as %DV only, two to a line: mg is estimated from the pre-2016 DV.
            Strings cells = {"Vitamin A " + std::to_string(rng.range(0, 10)) + "%", "Vitamin C " + std::to_string(rng.range(0, 100)) + "%"};
            auto pctOnly = [&](Mineral m) {
                const std::size_t i = labelcheck::index(m);
                int pct = rng.range(1, 25);
                MineralAmount a;
                a.mg = pct / 100.0 * dvs.of(m);
                a.dailyValuePct = pct;
                a.estimated = true;
                truth.minerals[i] = a;
                cells.push_back(std::string(kMineralTitle[i]) + " " + std::to_string(pct) + "%");
            };
            if (has(Mineral::Calcium))
                pctOnly(Mineral::Calcium);
            else if (rng.chance(0.4)) {
                MineralAmount a;
                a.mg = 0;
                a.dailyValuePct = 0;
                a.estimated = true;
                truth.minerals[labelcheck::index(Mineral::Calcium)] = a;
                cells.push_back("Calcium 0%");
            }
            cells.push_back("Iron " + std::to_string(rng.range(0, 10)) + "%");
            if (!potassiumMg && has(Mineral::Potassium))
                pctOnly(Mineral::Potassium);
            if (has(Mineral::Magnesium))
                pctOnly(Mineral::Magnesium);
            for (std::size_t k = 0; k < cells.size(); k += 2) {
                PanelItem t;
                t.kind = PanelItem::Kind::Pair;
                t.text = cells[k];
                t.amount = k + 1 < cells.size() ? cells[k + 1] : "";
                t.size = 0.95;
                s.items.push_back(t);
                if (k + 2 < cells.size())
                    s.items.push_back(bar(1));
            }
            s.items.push_back(bar(1));
            s.items.push_back(text("* Percent Daily Values are based on a 2,000 calorie diet. Your daily values may be "
                                   "higher or lower depending on your calorie needs:",
                                   0.72));
            for (const char* line : {"|Calories:|2,000|2,500", "Total Fat|Less than|65g|80g", "Sodium|Less than|2,400mg|2,400mg",
                                     "Total Carbohydrate||300g|375g", "Dietary Fiber||25g|30g"}) {
                PanelItem t;
                t.kind = PanelItem::Kind::Table;
                t.text = line;
                t.size = 0.62;
                s.items.push_back(t);
            }
        }
        Strings base = s.form != "food" ? Strings{"filtered water", "cane sugar", "citric acid", "natural flavor", "salt",
                                                    "gum arabic", "sucralose"}
                                          : Strings{"whole grain oats", "sugar", "canola oil", "rice flour", "honey", "salt",
                                                    "baking soda", "soy lecithin", "natural flavor"};
        rng.shuffle(base);
        base.resize(static_cast<std::size_t>(rng.range(3, 6)));
        ingredients = base;
        for (Mineral m : labelcheck::kMinerals)
            if (has(m) && rng.chance(0.5)) {
                const auto& pool = kCompounds[labelcheck::index(m)];
                ingredients.push_back(pool[static_cast<std::size_t>(rng.range(0, static_cast<int>(pool.size()) - 1))]);
            }
    }

    for (auto& c : compoundsUsed)
        ingredients.push_back(c);
    // Deduplicate, keep the first mention.
    Strings unique;
    for (auto& i : ingredients)
        if (std::find(unique.begin(), unique.end(), i) == unique.end())
            unique.push_back(i);
    rng.shuffle(unique);
    std::string list;
    for (std::size_t k = 0; k < unique.size(); ++k)
        list += (k ? ", " : "") + unique[k];
    if (!list.empty())
        list[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(list[0])));
    s.ingredients = (supplement ? rng.pick(Strings{"Other ingredients: ", "Other Ingredients: ", "Ingredients: "}) : "Ingredients: ") + list + ".";
    if (rng.chance(0.4))
        s.warning = rng.pick(Strings{"Keep out of reach of children. Store in a cool, dry place.",
                                     "Consult your physician before use if you are pregnant or nursing.",
                                     s.form == "powder" ? "Mix 1 serving with 16 oz of cold water. Shake well."
                                                        : "Take 1 serving daily with food."});

    // Ground truth: missing, mentioned, claim, verdict.
    for (Mineral m : labelcheck::kMinerals) {
        const auto& a = truth.minerals[labelcheck::index(m)];
        if (!a || a->mg <= 0)
            truth.missing.push_back(m);
    }
    std::string mentionText = s.ingredients;
    for (auto& t : mentionTexts)
        mentionText += " " + t;
    for (Mineral m : truth.missing)
        if (!truth.minerals[labelcheck::index(m)] && contains(mentionText, std::string(labelcheck::mineralName(m))))
            truth.mentionedNotDeclared.push_back(m);

    truth.electrolyteClaim = claimed;
    truth.verdict = !claimed ? labelcheck::Verdict::NotElectrolyte
                  : truth.missing.empty() ? labelcheck::Verdict::Complete
                                          : labelcheck::Verdict::Incomplete;
    truth.product = labelcheck::ProductInfo{s.productName, s.brand, "label"};
    addBarcode(rng, truth);

    // The claim words must appear on a claimed label and nowhere on an unclaimed one.
    bool claimWord = contains(s.claim, "electrolyte");
    for (const auto& it : s.items)
        claimWord |= contains(it.text, "electrolyte");
    assert(claimWord == claimed);
    (void)claimWord;
    return s;
}

} // namespace labelgen
