#include "RestServer.h"

// Placeholder so the program links while the REST server is being built.

namespace signoff {

struct RestServer::Private
{
};

RestServer::RestServer(Services &, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
}

RestServer::~RestServer() = default;

Result<QUrl> RestServer::start(const RestConfig &)
{
    return Error::unavailable(Message("The REST server is not built yet."));
}

void RestServer::stop()
{
}

bool RestServer::isListening() const
{
    return false;
}

QUrl RestServer::url() const
{
    return {};
}

} // namespace signoff
