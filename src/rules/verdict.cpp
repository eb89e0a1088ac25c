#include "labelcheck/rules/verdict.hpp"

namespace labelcheck::rules {

Verdict decideVerdict(bool panelRead, bool recordFound, bool electrolyteClaim, bool anyMissing)
{
    if (!panelRead && !recordFound)
        return Verdict::Unreadable;
    if (!electrolyteClaim)
        return Verdict::NotElectrolyte;
    return anyMissing ? Verdict::Incomplete : Verdict::Complete;
}

} // namespace labelcheck::rules
