// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// signoff_screenshots OUTPUT_FOLDER
//
// Fills a throwaway database with a small demo desk (users, products,
// features and orders in every status) and saves a PNG of each page of the
// window, the login, the forms and the dialogs into OUTPUT_FOLDER. Runs on
// Qt's offscreen platform: no display needed. scripts/screenshots runs it.

#include "LoginDialog.h"
#include "MainWindow.h"
#include "RestSettings.h"
#include "SettingsDialog.h"
#include "FormManager.h"
#include "dialogs/ReviewDialog.h"
#include "forms/EntityForm.h"
#include "LocalBackend.h"
#include "models/TableModel.h"
#include "pages/DashboardPage.h"
#include "pages/ListPage.h"
#include "service/Services.h"
#include "storage/OpenDatabase.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTranslator>

using namespace signoff;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// Until what the backend was asked for is in (lists loaded, forms idle), then a moment to paint.
void settle()
{
    const QDeadlineTimer deadline(5000);
    const auto busy = [] {
        for (QWidget *window : QApplication::topLevelWidgets()) {
            for (const TableModel *model : window->findChildren<TableModel *>()) {
                if (model->isLoading())
                    return true;
            }
            for (const EntityForm *form : window->findChildren<EntityForm *>()) {
                if (form->isBusy())
                    return true;
            }
            if (const auto *login = qobject_cast<LoginDialog *>(window); login && (login->isBusy() || !login->isReady()))
                return true;
            for (const DashboardPage *dashboard : window->findChildren<DashboardPage *>()) {
                if (dashboard->isLoading())
                    return true;
            }
        }
        return false;
    };
    while (busy() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
}

// Fusion's colours on a dark desktop (as a dark KDE or GNOME theme sets them).
QPalette darkPalette()
{
    QPalette dark;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, window);
    dark.setColor(QPalette::ToolTipBase, base);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, window);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, Qt::red);
    dark.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return dark;
}

bool save(QWidget *widget, const QDir &folder, const QString &name)
{
    settle();
    const QString path = folder.filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path)) {
        err() << "cannot write " << path << Qt::endl;
        return false;
    }
    err() << "wrote " << path << Qt::endl;
    return true;
}

template<typename T>
T value(Result<T> result, const char *what)
{
    if (!result) {
        err() << "demo data: " << what << ": " << result.error().englishSummary() << Qt::endl;
        std::exit(1);
    }
    return std::move(result).value();
}

struct Demo
{
    User ada, rita, rex, rob, alice;
    Feature featured;
    Order order;
};

Demo fill(Services &services)
{
    Demo demo;
    UserService &users = services.users();
    demo.ada = value(users.createFirstAdministrator(NewUser{QStringLiteral("ada"), QStringLiteral("Ada Lovelace"), Role::Admin,
                                                            QStringLiteral("demo-password")}), "ada");
    const Actor admin = demo.ada.actor();
    const auto addUser = [&](const char *name, const char *display, Role role) {
        return value(users.create(admin, NewUser{QString::fromLatin1(name), QString::fromUtf8(display), role,
                                                 QStringLiteral("demo-password")}), name);
    };
    demo.rita = addUser("rita", "Rita Reviewer", Role::Reviewer);
    demo.rex = addUser("rex", "Rex Stout", Role::Reviewer);
    demo.rob = addUser("rob", "Rob Requester", Role::Requester);
    demo.alice = addUser("alice", "Alice Müller", Role::Requester);

    QList<Product> products;
    const struct { const char *sku, *name; qint64 cents; bool active; } catalogue[] = {
        {"PEN-BLUE", "Ballpoint pen, blue", 249, true},    {"NOTE-A5", "Notebook A5, dotted", 799, true},
        {"DESK-160", "Standing desk 160 cm", 54900, true}, {"CHAIR-ERGO", "Ergonomic chair", 32950, true},
        {"MON-27", "27\" monitor", 28900, true},            {"FAX-1998", "Fax machine", 9900, false},
    };
    for (const auto &item : catalogue)
        products.append(value(services.products().create(admin, NewProduct{QString::fromLatin1(item.sku),
                                                                           QString::fromUtf8(item.name), item.cents,
                                                                           item.active}), item.sku));

    FeatureService &features = services.features();
    const auto feature = [&](const User &owner, const char *name, QJsonObject options) {
        return value(features.create(owner.actor(), NewFeature{QString::fromUtf8(name), options}), name);
    };
    const auto move = [&](Feature item, const User &actor, WorkflowAction action, const char *comment = "") {
        return value(features.transition(actor.actor(), item.id, action, item.version, QString::fromUtf8(comment)), "transition");
    };
    Feature dark = feature(demo.alice, "Dark mode for the reports",
                           {{QStringLiteral("contrast"), QStringLiteral("high")}, {QStringLiteral("default"), false},
                            {QStringLiteral("rollout_percent"), 25}, {QStringLiteral("themes"), QJsonArray{QStringLiteral("midnight"), QStringLiteral("slate")}}});
    dark = move(dark, demo.alice, WorkflowAction::Submit);
    demo.featured = dark;
    Feature csv = move(feature(demo.alice, "Export approvals as CSV", {{QStringLiteral("delimiter"), QStringLiteral(";")}}),
                       demo.alice, WorkflowAction::Submit);
    move(csv, demo.rita, WorkflowAction::Approve, "Useful for the monthly audit.");
    Feature sso = move(feature(demo.rob, "Single sign-on with the company directory", {{QStringLiteral("provider"), QStringLiteral("ldap")}}),
                       demo.rob, WorkflowAction::Submit);
    move(sso, demo.rex, WorkflowAction::Reject, "Needs a security review first; please attach the threat model.");
    move(feature(demo.rob, "Weekly digest e-mail", {}), demo.rob, WorkflowAction::Submit);
    move(feature(demo.alice, "Keyboard shortcuts cheat sheet", {}), demo.alice, WorkflowAction::Submit);
    feature(demo.alice, "Bulk edit of order notes", {});
    feature(demo.rob, "Colour-blind friendly status colours", {{QStringLiteral("palette"), QStringLiteral("okabe-ito")}});
    Feature audit = move(feature(demo.rita, "Audit log retention of 7 years", {{QStringLiteral("years"), 7}}),
                         demo.rita, WorkflowAction::Submit);
    move(audit, demo.rex, WorkflowAction::Approve, "Matches the compliance policy.");
    move(feature(demo.ada, "Nightly database backup to S3", {{QStringLiteral("bucket"), QStringLiteral("signoff-backups")}}),
         demo.ada, WorkflowAction::Submit);

    OrderService &orders = services.orders();
    const auto order = [&](const User &owner, QList<NewLine> lines, const char *note) {
        return value(orders.create(owner.actor(), NewOrder{lines, QString::fromUtf8(note)}), note);
    };
    Order office = order(demo.alice, {{products.at(2).id, 2}, {products.at(3).id, 2}, {products.at(4).id, 4}},
                         "Two desks for the new team room");
    office = value(orders.transition(demo.alice.actor(), office.id, WorkflowAction::Submit, office.version), "submit order");
    demo.order = office;
    Order pens = order(demo.rob, {{products.at(0).id, 50}, {products.at(1).id, 20}}, "Stationery for Q3");
    pens = value(orders.transition(demo.rob.actor(), pens.id, WorkflowAction::Submit, pens.version), "submit");
    value(orders.transition(demo.rita.actor(), pens.id, WorkflowAction::Approve, pens.version), "approve");
    order(demo.alice, {{products.at(4).id, 1}}, "Second monitor for the design review");
    order(demo.rob, {{products.at(1).id, 3}}, "");
    return demo;
}

// The remembered connection and user name are put back as they were (empty).
struct ConnectionSettingsReset
{
    ~ConnectionSettingsReset() { QSettings(QStringLiteral("signoff"), QStringLiteral("signoff")).clear(); }
};

// The offscreen platform cannot raise windows or resize them to hints; it says so for every window.
void quietOffscreenNotes(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QStringLiteral("This plugin does not support")))
        return;
    err() << qFormatLogMessage(type, context, message) << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    qInstallMessageHandler(quietOffscreenNotes);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("signoff"));
    QApplication::setOrganizationName(QStringLiteral("signoff"));
    QApplication::setApplicationVersion(QStringLiteral(SIGNOFF_VERSION));
    // Never the person's own settings: window sizes and REST settings start fresh.
    QStandardPaths::setTestModeEnabled(true);
    QSettings(QStringLiteral("signoff"), QStringLiteral("signoff")).clear();
    QApplication::setStyle(QStringLiteral("Fusion"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    // English is the source language; its file adds the plural forms ("1 day", "30 days").
    QTranslator english;
    if (english.load(QStringLiteral(SIGNOFF_QM_DIR "/signoff_en.qm")))
        QCoreApplication::installTranslator(&english);

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        err() << "usage: signoff_screenshots OUTPUT_FOLDER" << Qt::endl;
        return 2;
    }
    QDir output(arguments.at(1));
    if (!output.mkpath(QStringLiteral("."))) {
        err() << "cannot create " << arguments.at(1) << Qt::endl;
        return 1;
    }

    QTemporaryDir folder;
    auto url = DatabaseUrl::parse(folder.filePath(QStringLiteral("demo.db")));
    auto database = openDatabase(url.value());
    if (!database) {
        err() << database.error().englishSummary() << Qt::endl;
        return 1;
    }
    ChangeNotifier notifier;
    ServiceOptions options;
    options.passwordCost = PasswordHasher::Cost::Minimum;
    Services services(*database.value(), notifier, options);
    // Where a person's database would be, not the throwaway one.
    LocalBackend backend(services);
    backend.setLocationLabel(QStringLiteral("sqlite:~/.local/share/signoff/signoff.db"));
    bool ok = true;

    {
        // First start, on the still empty database.
        LoginDialog setup(backend);
        setup.show();
        ok &= save(&setup, output, QStringLiteral("first-start"));
    }
    const Demo demo = fill(services);
    {
        LoginDialog login(backend);
        login.show();
        login.findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(QStringLiteral("rita"));
        login.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("not the password"));
        login.findChild<QPushButton *>(QStringLiteral("signInButton"))->click();
        ok &= save(&login, output, QStringLiteral("login"));
    }
    {
        // Signing in to a team's server (the connection remembered from last time).
        ConnectionSettingsReset reset;
        ConnectionChoice::saveLastUsername(QStringLiteral("rita"));
        ConnectionChoice::saveStaySignedIn(true);
        LoginDialog login(backend);
        ConnectionChoice server;
        server.kind = ConnectionChoice::Kind::Server;
        server.server = QUrl(QStringLiteral("https://signoff.example.com:8443"));
        login.setConnector([](const ConnectionChoice &) -> Result<Backend *> { return Error::unavailable(Message()); },
                           server);
        login.show();
        ok &= save(&login, output, QStringLiteral("login-server"));
    }

    backend.actAs(demo.ada);
    MainWindow window(backend, demo.ada);
    window.resize(1240, 700);
    window.setRestStatus(RestStatus{RestStatus::State::Listening, QUrl(QStringLiteral("http://127.0.0.1:8080/")), 8080, {}});
    window.show();
    ok &= save(&window, output, QStringLiteral("dashboard"));
    window.dashboard()->setShowTables(true);
    ok &= save(&window, output, QStringLiteral("dashboard-tables"));
    window.dashboard()->setShowTables(false);
    const QList<std::pair<QString, QString>> pages{
        {QStringLiteral("myItemsPage"), QStringLiteral("my-items")},
        {QStringLiteral("reviewQueuePage"), QStringLiteral("review-queue")},
        {QStringLiteral("featuresPage"), QStringLiteral("features")},
        {QStringLiteral("ordersPage"), QStringLiteral("orders")},
        {QStringLiteral("productsPage"), QStringLiteral("products")},
        {QStringLiteral("usersPage"), QStringLiteral("users")},
        {QStringLiteral("auditPage"), QStringLiteral("audit-log")},
    };
    for (const auto &[page, file] : pages) {
        window.showPage(page);
        settle();
        if (QTableView *table = window.currentPage()->table(); table->model()->rowCount() > 0)
            table->selectRow(0);
        ok &= save(&window, output, file);
    }

    EntityForm *featureForm = window.forms().openFeature(demo.featured.id);
    featureForm->resize(780, 540);
    ok &= save(featureForm, output, QStringLiteral("feature-form"));
    featureForm->findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(1);
    ok &= save(featureForm, output, QStringLiteral("feature-form-json"));
    featureForm->findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(2);
    ok &= save(featureForm, output, QStringLiteral("feature-form-history"));
    featureForm->close();

    EntityForm *newFeature = window.forms().openFeature(QUuid());
    auto *newName = newFeature->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    newName->setText(QStringLiteral("Export approvals as CSV"));
    emit newName->textEdited(newName->text()); // as if typed
    newFeature->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
    ok &= save(newFeature, output, QStringLiteral("feature-form-duplicate"));
    newFeature->deleteLater(); // unsaved: closing would ask

    EntityForm *orderForm = window.forms().openOrder(demo.order.id);
    orderForm->resize(820, 560);
    ok &= save(orderForm, output, QStringLiteral("order-form"));
    orderForm->close();

    ReviewDialog reject(WorkflowAction::Reject, {QStringLiteral("Weekly digest e-mail")}, &window);
    reject.show();
    ok &= save(&reject, output, QStringLiteral("reject-dialog"));
    reject.close();

    SettingsDialog settings(RestSettings::load(), &window);
    settings.show();
    ok &= save(&settings, output, QStringLiteral("settings"));
    settings.close();

    {
        // A dark desktop: the charts take their colours from the palette.
        const QPalette light = QApplication::palette();
        QApplication::setPalette(darkPalette());
        window.showPage(QStringLiteral("dashboardPage"));
        ok &= save(&window, output, QStringLiteral("dashboard-dark"));
        QApplication::setPalette(light);
    }

    window.setRestStatus(RestStatus{RestStatus::State::PortBusy, {}, 8080, {}});
    window.showPage(QStringLiteral("reviewQueuePage"));
    ok &= save(&window, output, QStringLiteral("rest-port-busy"));

    // The same desk in German.
    QTranslator german;
    if (german.load(QStringLiteral(SIGNOFF_QM_DIR "/signoff_de.qm"))) {
        QCoreApplication::removeTranslator(&english);
        QCoreApplication::installTranslator(&german);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        LocalBackend ritasBackend(services);
        ritasBackend.setLocationLabel(backend.location());
        ritasBackend.actAs(demo.rita);
        MainWindow deutsch(ritasBackend, demo.rita);
        deutsch.resize(1240, 700);
        deutsch.setRestStatus(RestStatus{RestStatus::State::Listening, QUrl(QStringLiteral("http://127.0.0.1:8080/")), 8080, {}});
        deutsch.show();
        ok &= save(&deutsch, output, QStringLiteral("dashboard-de"));
        deutsch.showPage(QStringLiteral("reviewQueuePage"));
        ok &= save(&deutsch, output, QStringLiteral("review-queue-de"));
        EntityForm *form = deutsch.forms().openFeature(demo.featured.id);
        form->resize(780, 540);
        ok &= save(form, output, QStringLiteral("feature-form-de"));
        form->close();
    } else {
        err() << "no German translation at " << SIGNOFF_QM_DIR << Qt::endl;
        ok = false;
    }
    return ok ? 0 : 1;
}
