#include "Commands.h"
#include "Console.h"

namespace signoff {

// Placeholder until the REST server lands (issue 3).
int runServeCommand(const GlobalOptions &)
{
    return console::fail(QStringLiteral("serve is not available yet"));
}

} // namespace signoff
