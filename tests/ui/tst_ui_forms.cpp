// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The forms' editors: options as a table and as JSON kept in sync, order
// lines with live totals, the product and user forms, the settings dialog,
// all validating as the person types with core's messages.

#include "FormManager.h"
#include "MainWindow.h"
#include "RestSettings.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "UiFixture.h"
#include "forms/FeatureForm.h"
#include "forms/OptionsEditor.h"
#include "forms/OrderForm.h"
#include "forms/OrderLinesEditor.h"
#include "forms/ProductForm.h"
#include "forms/UserForm.h"
#include "support/FieldMessage.h"
#include "support/Format.h"
#include "support/Icons.h"
#include "support/MessageBanner.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

} // namespace

class TestUiForms : public QObject
{
    Q_OBJECT

private slots:
    void init() { clearSettings(); }

    void optionValuesAreJson()
    {
        QCOMPARE(OptionsEditor::valueText(QJsonValue(42)), QStringLiteral("42"));
        QCOMPARE(OptionsEditor::valueText(QJsonValue(QStringLiteral("text"))), QStringLiteral("\"text\""));
        QCOMPARE(OptionsEditor::valueText(QJsonArray{1, 2}), QStringLiteral("[1,2]"));
        QCOMPARE(OptionsEditor::valueFromText(QStringLiteral("true")), QJsonValue(true));
        QCOMPARE(OptionsEditor::valueFromText(QStringLiteral(" 2.5 ")), QJsonValue(2.5));
        QCOMPARE(OptionsEditor::valueFromText(QStringLiteral("\"quoted\"")), QJsonValue(QStringLiteral("quoted")));
        QCOMPARE(OptionsEditor::valueFromText(QStringLiteral("{\"a\": null}")), QJsonValue(QJsonObject{{QStringLiteral("a"), QJsonValue()}}));
        // Not JSON: taken as the text it is.
        QCOMPARE(OptionsEditor::valueFromText(QStringLiteral("plain words")), QJsonValue(QStringLiteral("plain words")));
        QCOMPARE(OptionsEditor::valueFromText(QStringLiteral("1, 2")), QJsonValue(QStringLiteral("1, 2")));
    }

    void optionsTableAndJsonStayInSync()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        Session session(fixture.backendFor(alice), alice);
        FeatureForm form(session, QUuid());
        form.show();
        auto *table = child<QTableWidget>(&form, QStringLiteral("optionsTable"));
        auto *json = child<QPlainTextEdit>(&form, QStringLiteral("optionsJson"));
        auto *message = child<FieldMessage>(&form, QStringLiteral("optionsMessage"));
        QTest::keyClicks(child<QLineEdit>(&form, QStringLiteral("nameEdit")), QStringLiteral("Options"));

        // Table → JSON.
        QTest::mouseClick(child<QPushButton>(&form, QStringLiteral("addOptionButton")), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(message->text(), QStringLiteral("Enter a key in row 1."));
        QVERIFY(!child<QPushButton>(&form, QStringLiteral("saveButton"))->isEnabled());
        table->item(0, 0)->setText(QStringLiteral("retries"));
        table->item(0, 1)->setText(QStringLiteral("3"));
        QVERIFY(!message->isVisible());
        QCOMPARE(QJsonDocument::fromJson(json->toPlainText().toUtf8()).object(), (QJsonObject{{QStringLiteral("retries"), 3}}));
        QTest::mouseClick(child<QPushButton>(&form, QStringLiteral("addOptionButton")), Qt::LeftButton);
        table->item(1, 0)->setText(QStringLiteral("retries"));
        QCOMPARE(message->text(), QStringLiteral("The key ‘retries’ appears more than once."));
        table->item(1, 0)->setText(QStringLiteral("label"));
        table->item(1, 1)->setText(QStringLiteral("Dark theme"));
        QCOMPARE(QJsonDocument::fromJson(json->toPlainText().toUtf8()).object(),
                 (QJsonObject{{QStringLiteral("retries"), 3}, {QStringLiteral("label"), QStringLiteral("Dark theme")}}));

        // JSON → table; broken JSON is core's message, and blocks saving.
        json->setPlainText(QStringLiteral("{\"enabled\": false"));
        QVERIFY(message->text().startsWith(QStringLiteral("The options are not valid JSON")));
        QVERIFY(!child<QPushButton>(&form, QStringLiteral("saveButton"))->isEnabled());
        json->setPlainText(QStringLiteral("[1, 2]"));
        QCOMPARE(message->text(), QStringLiteral("The options must be a JSON object: {\"key\": value, ...}."));
        json->setPlainText(QStringLiteral("{\"enabled\": false, \"levels\": [1, 2]}"));
        QVERIFY(!message->isVisible());
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("enabled"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("false"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("[1,2]"));

        // Removing a row.
        table->selectRow(0);
        QTest::mouseClick(child<QPushButton>(&form, QStringLiteral("removeOptionButton")), Qt::LeftButton);
        QCOMPARE(QJsonDocument::fromJson(json->toPlainText().toUtf8()).object(),
                 (QJsonObject{{QStringLiteral("levels"), QJsonArray{1, 2}}}));

        // Too large for core.
        json->setPlainText(QStringLiteral("{\"big\": \"%1\"}").arg(QString(70000, u'x')));
        QCOMPARE(message->text(), QStringLiteral("The options can be at most 64 KiB of JSON."));
        json->setPlainText(QStringLiteral("{\"levels\": [1, 2]}"));

        QTest::mouseClick(child<QPushButton>(&form, QStringLiteral("saveButton")), Qt::LeftButton);

        QVERIFY(settled(&form));
        QVERIFY(!form.key().isEmpty());
        auto stored = fixture.services().features().get(alice.actor(), QUuid::fromString(form.key().section(u':', 1)));
        QCOMPARE(stored->options, (QJsonObject{{QStringLiteral("levels"), QJsonArray{1, 2}}}));
    }

    void orderTotalsFollowTyping()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User adam = fixture.addUser(QStringLiteral("adam"), Role::Admin);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        auto pen = fixture.services().products().create(adam.actor(), NewProduct{QStringLiteral("PEN"), QStringLiteral("Pen"), 250, true});
        auto desk = fixture.services().products().create(adam.actor(), NewProduct{QStringLiteral("DESK"), QStringLiteral("Desk"), 19999, true});
        auto old = fixture.services().products().create(adam.actor(), NewProduct{QStringLiteral("OLD"), QStringLiteral("Old"), 5, false});
        SIGNOFF_VERIFY_OK(pen);
        SIGNOFF_VERIFY_OK(desk);
        SIGNOFF_VERIFY_OK(old);

        Session session(fixture.backendFor(alice), alice);
        OrderForm form(session, QUuid());
        form.show();
        auto *lines = child<QTableWidget>(&form, QStringLiteral("linesTable"));
        auto *total = child<QLabel>(&form, QStringLiteral("orderTotal"));
        auto *message = child<FieldMessage>(&form, QStringLiteral("linesMessage"));
        QCOMPARE(lines->rowCount(), 1);
        QCOMPARE(message->text(), QStringLiteral("Line 1: Choose a product."));
        // Only products on sale are offered (the catalogue arrives from the backend).
        QTRY_COMPARE(qobject_cast<QComboBox *>(lines->cellWidget(0, OrderLinesEditor::ProductColumn))->count(), 3);
        auto *picker = qobject_cast<QComboBox *>(lines->cellWidget(0, OrderLinesEditor::ProductColumn));
        QCOMPARE(picker->findText(QStringLiteral("Old (OLD)")), -1);
        picker->setCurrentIndex(picker->findData(pen->id.toString()));
        auto *quantity = qobject_cast<QSpinBox *>(lines->cellWidget(0, OrderLinesEditor::QuantityColumn));
        quantity->selectAll();
        QTest::keyClicks(quantity, QStringLiteral("12"));
        QCOMPARE(quantity->value(), 12);
        QCOMPARE(lines->item(0, OrderLinesEditor::UnitPriceColumn)->text(), QStringLiteral("2.50"));
        QCOMPARE(lines->item(0, OrderLinesEditor::LineTotalColumn)->text(), QStringLiteral("30.00"));
        QCOMPARE(total->text(), QStringLiteral("Total: 30.00"));

        QTest::mouseClick(child<QPushButton>(&form, QStringLiteral("addLineButton")), Qt::LeftButton);
        auto *second = qobject_cast<QComboBox *>(lines->cellWidget(1, OrderLinesEditor::ProductColumn));
        second->setCurrentIndex(second->findData(desk->id.toString()));
        QCOMPARE(total->text(), QStringLiteral("Total: 229.99"));
        auto *secondQuantity = qobject_cast<QSpinBox *>(lines->cellWidget(1, OrderLinesEditor::QuantityColumn));
        secondQuantity->setValue(0);
        QCOMPARE(message->text(), QStringLiteral("Line 2: The quantity must be between 1 and 1000000."));
        QVERIFY(!child<QPushButton>(&form, QStringLiteral("saveButton"))->isEnabled());
        secondQuantity->setValue(2);
        QVERIFY(!message->isVisible());
        QCOMPARE(total->text(), QStringLiteral("Total: 429.98"));

        auto *note = child<QPlainTextEdit>(&form, QStringLiteral("noteEdit"));
        note->setPlainText(QString(2001, u'n'));
        QCOMPARE(child<FieldMessage>(&form, QStringLiteral("noteMessage"))->text(),
                 QStringLiteral("The note can be at most 2000 characters long."));
        note->setPlainText(QStringLiteral("Office supplies"));

        QTest::mouseClick(child<QPushButton>(&form, QStringLiteral("saveButton")), Qt::LeftButton);

        QVERIFY(settled(&form));
        QVERIFY2(!form.key().isEmpty(), qPrintable(form.banner()->text()));
        auto stored = fixture.services().orders().get(alice.actor(), QUuid::fromString(form.key().section(u':', 1)));
        SIGNOFF_VERIFY_OK(stored);
        QCOMPARE(stored->totalCents(), 42998);
        QCOMPARE(stored->note, QStringLiteral("Office supplies"));
        QCOMPARE(stored->lines.size(), 2);

        // A later price change does not alter the order's lines on screen.
        SIGNOFF_VERIFY_OK(fixture.services().products().update(adam.actor(), pen->id, ProductPatch{{}, {}, 300, {}}));
        form.reload();
        QVERIFY(settled(&form));
        QCOMPARE(total->text(), QStringLiteral("Total: 429.98"));
        QLocale::setDefault(QLocale::c());
    }

    void productFormIsForAdministrators()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User adam = fixture.addUser(QStringLiteral("adam"), Role::Admin);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        auto existing = fixture.services().products().create(adam.actor(), NewProduct{QStringLiteral("PEN"), QStringLiteral("Pen"), 250, true});
        SIGNOFF_VERIFY_OK(existing);

        Session admin(fixture.backendFor(adam), adam);
        ProductForm form(admin, QUuid());
        form.show();
        auto *sku = child<QLineEdit>(&form, QStringLiteral("skuEdit"));
        QTest::keyClicks(sku, QStringLiteral("BAD SKU"));
        QCOMPARE(child<FieldMessage>(&form, QStringLiteral("skuMessage"))->text(),
                 QStringLiteral("The SKU can only contain letters A–Z, digits, dots, underscores and hyphens."));
        sku->clear();
        QTest::keyClicks(sku, QStringLiteral("PEN"));
        QTest::keyClicks(child<QLineEdit>(&form, QStringLiteral("nameEdit")), QStringLiteral("Another pen"));
        child<QDoubleSpinBox>(&form, QStringLiteral("priceEdit"))->setValue(1.99);
        QTest::mouseClick(child<QPushButton>(&form, QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(settled(&form));
        QCOMPARE(child<FieldMessage>(&form, QStringLiteral("skuMessage"))->text(),
                 QStringLiteral("A product with SKU ‘PEN’ already exists."));
        sku->clear();
        QTest::keyClicks(sku, QStringLiteral("PEN-2"));
        QTest::mouseClick(child<QPushButton>(&form, QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(settled(&form));
        QVERIFY(!form.key().isEmpty());
        auto created = fixture.services().products().get(adam.actor(), QUuid::fromString(form.key().section(u':', 1)));
        QCOMPARE(created->priceCents, 199);

        Session requester(fixture.backendFor(alice), alice);
        ProductForm readOnly(requester, existing->id);
        readOnly.show();
        QVERIFY(settled(&readOnly));
        QVERIFY(child<QLineEdit>(&readOnly, QStringLiteral("skuEdit"))->isReadOnly());
        QVERIFY(!child<QPushButton>(&readOnly, QStringLiteral("saveButton"))->isVisible());
        QVERIFY(!child<QPushButton>(&readOnly, QStringLiteral("deleteButton"))->isVisible());
    }

    void userFormCreatesAndEdits()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User adam = fixture.addUser(QStringLiteral("adam"), Role::Admin);
        Session admin(fixture.backendFor(adam), adam);
        UserForm form(admin, QString());
        form.show();
        QTest::keyClicks(child<QLineEdit>(&form, QStringLiteral("usernameEdit")), QStringLiteral("carol"));
        QTest::keyClicks(child<QLineEdit>(&form, QStringLiteral("displayNameEdit")), QStringLiteral("Carol C."));
        auto *role = child<QComboBox>(&form, QStringLiteral("roleCombo"));
        role->setCurrentIndex(role->findData(QStringLiteral("reviewer")));
        QTest::keyClicks(child<QLineEdit>(&form, QStringLiteral("passwordEdit")), QStringLiteral("carols-secret"));
        QVERIFY(!child<QPushButton>(&form, QStringLiteral("saveButton"))->isEnabled());
        QTest::keyClicks(child<QLineEdit>(&form, QStringLiteral("repeatPasswordEdit")), QStringLiteral("carols-secret"));
        QVERIFY(child<QPushButton>(&form, QStringLiteral("saveButton"))->isEnabled());
        QTest::mouseClick(child<QPushButton>(&form, QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(settled(&form));
        QCOMPARE(form.key(), QStringLiteral("user:carol"));
        QVERIFY(child<QLineEdit>(&form, QStringLiteral("usernameEdit"))->isReadOnly());
        auto carol = fixture.services().users().get(adam.actor(), QStringLiteral("carol"));
        SIGNOFF_VERIFY_OK(carol);
        QVERIFY(carol->role == Role::Reviewer);
        SIGNOFF_VERIFY_OK(fixture.services().auth().signIn(QStringLiteral("carol"), QStringLiteral("carols-secret")));

        // The last administrator cannot be demoted: the service says so in the form.
        UserForm self(admin, QStringLiteral("adam"));
        self.show();
        QVERIFY(settled(&self));
        auto *selfRole = child<QComboBox>(&self, QStringLiteral("roleCombo"));
        selfRole->setCurrentIndex(selfRole->findData(QStringLiteral("requester")));
        QTest::mouseClick(child<QPushButton>(&self, QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(settled(&self));
        QCOMPARE(self.banner()->text(), QStringLiteral("‘adam’ is the last administrator; make someone else administrator first."));
        QVERIFY(fixture.services().users().get(adam.actor(), QStringLiteral("adam"))->role == Role::Admin);
    }

    void settingsDialogChecksAndPersists()
    {
        RestSettings defaults = RestSettings::load();
        QVERIFY(defaults.enabled);
        QCOMPARE(defaults.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(defaults.port, quint16(8080));

        SettingsDialog dialog(defaults);
        dialog.show();
        auto *address = child<QLineEdit>(&dialog, QStringLiteral("restAddressEdit"));
        auto *ok = child<QPushButton>(&dialog, QStringLiteral("okButton"));
        address->clear();
        QTest::keyClicks(address, QStringLiteral("localhost:80"));
        QVERIFY(child<FieldMessage>(&dialog, QStringLiteral("restAddressMessage"))->isVisible());
        QVERIFY(!ok->isEnabled());
        address->clear();
        QTest::keyClicks(address, QStringLiteral("0.0.0.0"));
        QVERIFY(ok->isEnabled());
        child<QSpinBox>(&dialog, QStringLiteral("restPortSpin"))->setValue(9090);
        RestSettings chosen = dialog.settings();
        QCOMPARE(chosen.address, QStringLiteral("0.0.0.0"));
        QCOMPARE(chosen.port, quint16(9090));
        child<QCheckBox>(&dialog, QStringLiteral("restEnabledCheck"))->setChecked(false);
        QVERIFY(!address->isEnabled());
        chosen = dialog.settings();
        chosen.save();
        QCOMPARE(RestSettings::load(), chosen);
    }

    // The window applies settings through the application: it only says that they changed.
    void windowPassesSettingsOnAndShowsRestState()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        QCOMPARE(window.restStatusText(), QStringLiteral("REST off"));
        window.setRestStatus(RestStatus{RestStatus::State::Listening, QUrl(QStringLiteral("http://127.0.0.1:8080/")), 8080, {}});
        QCOMPARE(window.restStatusText(), QStringLiteral("REST: http://127.0.0.1:8080/"));
        window.setRestStatus(RestStatus{RestStatus::State::PortBusy, {}, 8080, QStringLiteral("busy")});
        QCOMPARE(window.restStatusText(), QStringLiteral("REST: port 8080 busy"));

        QSignalSpy changed(&window, &MainWindow::restSettingsChanged);
        whenModal([](QWidget *dialog) {
            auto *port = dialog->findChild<QSpinBox *>(QStringLiteral("restPortSpin"));
            port->setValue(8181);
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);
        });
        child<QAction>(&window, QStringLiteral("settingsAction"))->trigger();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<RestSettings>().port, quint16(8181));
        QCOMPARE(RestSettings::load().port, quint16(8181));
    }

    void applicationIconIsCompiledIn()
    {
        QVERIFY(!applicationIcon().pixmap(48, 48).isNull());
    }

    void moneyIsExact()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Format::money(0), QStringLiteral("0.00"));
        QCOMPARE(Format::money(5), QStringLiteral("0.05"));
        QCOMPARE(Format::money(123456789), QStringLiteral("1,234,567.89"));
        QCOMPARE(Format::money(9007199254740991LL), QStringLiteral("90,071,992,547,409.91"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(Format::money(123456789), QStringLiteral("1.234.567,89"));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TestUiForms)
#include "tst_ui_forms.moc"
