<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Connection</name>
    <message>
        <source>Enter the server’s address, such as https://signoff.example.org:8443.</source>
        <translation>Geben Sie die Adresse des Servers ein, etwa https://signoff.example.org:8443.</translation>
    </message>
    <message>
        <source>Use an address such as https://signoff.example.org:8443.</source>
        <translation>Verwenden Sie eine Adresse wie https://signoff.example.org:8443.</translation>
    </message>
    <message>
        <source>Give the server’s address only: scheme, host and port.</source>
        <translation>Geben Sie nur die Adresse des Servers an: Schema, Host und Port.</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>The input is not valid.</source>
        <translation>Die Eingabe ist nicht gültig.</translation>
    </message>
    <message>
        <source>Someone changed this item; reload it.</source>
        <translation>Jemand hat diesen Eintrag geändert; laden Sie ihn neu.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>The name can be at most %1 characters long.</source>
        <translation>Der Name darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The name cannot contain control characters.</source>
        <translation>Der Name darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The options can be at most %1 KiB of JSON.</source>
        <translation>Die Optionen dürfen höchstens %1 KiB JSON umfassen.</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Geben Sie einen Benutzernamen ein.</translation>
    </message>
    <message>
        <source>The user name can be at most %1 characters long.</source>
        <translation>Der Benutzername darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The user name can only contain lower-case letters a–z, digits, dots, underscores and hyphens.</source>
        <translation>Der Benutzername darf nur Kleinbuchstaben a–z, Ziffern, Punkte, Unterstriche und Bindestriche enthalten.</translation>
    </message>
    <message>
        <source>The display name can be at most %1 characters long.</source>
        <translation>Der Anzeigename darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The display name cannot contain control characters.</source>
        <translation>Der Anzeigename darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The password must be at least %1 characters long.</source>
        <translation>Das Passwort muss mindestens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The password can be at most %1 characters long.</source>
        <translation>Das Passwort darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Enter a SKU.</source>
        <translation>Geben Sie eine Artikelnummer (SKU) ein.</translation>
    </message>
    <message>
        <source>The SKU can be at most %1 characters long.</source>
        <translation>Die Artikelnummer darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The SKU can only contain letters A–Z, digits, dots, underscores and hyphens.</source>
        <translation>Die Artikelnummer darf nur Buchstaben A–Z, Ziffern, Punkte, Unterstriche und Bindestriche enthalten.</translation>
    </message>
    <message>
        <source>Enter a product name.</source>
        <translation>Geben Sie einen Produktnamen ein.</translation>
    </message>
    <message>
        <source>The product name can be at most %1 characters long.</source>
        <translation>Der Produktname darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The product name cannot contain control characters.</source>
        <translation>Der Produktname darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>Der Preis darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The price can be at most %1 cents.</source>
        <translation>Der Preis darf höchstens %1 Cent betragen.</translation>
    </message>
    <message>
        <source>The quantity must be between %1 and %2.</source>
        <translation>Die Menge muss zwischen %1 und %2 liegen.</translation>
    </message>
    <message>
        <source>The note can be at most %1 characters long.</source>
        <translation>Die Notiz darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The note cannot contain control characters.</source>
        <translation>Die Notiz darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The comment can be at most %1 characters long.</source>
        <translation>Der Kommentar darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The comment cannot contain control characters.</source>
        <translation>Der Kommentar darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Give a reason for the rejection.</source>
        <translation>Geben Sie einen Grund für die Ablehnung an.</translation>
    </message>
    <message>
        <source>The reason can be at most %1 characters long.</source>
        <translation>Der Grund darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The reason cannot contain control characters.</source>
        <translation>Der Grund darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>An order can have at most %1 lines.</source>
        <translation>Eine Bestellung darf höchstens %1 Positionen haben.</translation>
    </message>
    <message>
        <source>Choose a product.</source>
        <translation>Wählen Sie ein Produkt.</translation>
    </message>
    <message>
        <source>The options are not valid JSON: %1 at character %2.</source>
        <translation>Die Optionen sind kein gültiges JSON: %1 bei Zeichen %2.</translation>
    </message>
    <message>
        <source>The options must be a JSON object: {&quot;key&quot;: value, ...}.</source>
        <translation>Die Optionen müssen ein JSON-Objekt sein: {&quot;Schlüssel&quot;: Wert, ...}.</translation>
    </message>
    <message>
        <source>Only the owner can submit this item.</source>
        <translation>Nur der Eigentümer kann diesen Eintrag einreichen.</translation>
    </message>
    <message>
        <source>Only the owner can revise this item.</source>
        <translation>Nur der Eigentümer kann diesen Eintrag überarbeiten.</translation>
    </message>
    <message>
        <source>Nobody may approve or reject an item they own.</source>
        <translation>Niemand darf einen eigenen Eintrag genehmigen oder ablehnen.</translation>
    </message>
    <message>
        <source>Only reviewers and administrators can approve or reject items.</source>
        <translation>Nur Prüfer und Administratoren können Einträge genehmigen oder ablehnen.</translation>
    </message>
    <message>
        <source>An item in status ‘%1’ cannot be given ‘%2’.</source>
        <translation>Ein Eintrag im Status „%1“ kann nicht „%2“ erhalten.</translation>
    </message>
    <message>
        <source>Only the owner or an administrator can change this item.</source>
        <translation>Nur der Eigentümer oder ein Administrator kann diesen Eintrag ändern.</translation>
    </message>
    <message>
        <source>Only drafts can be changed; this item is ‘%1’.</source>
        <translation>Nur Entwürfe können geändert werden; dieser Eintrag ist „%1“.</translation>
    </message>
    <message>
        <source>Only the owner or an administrator can delete this item.</source>
        <translation>Nur der Eigentümer oder ein Administrator kann diesen Eintrag löschen.</translation>
    </message>
    <message>
        <source>Only drafts can be deleted; this item is ‘%1’.</source>
        <translation>Nur Entwürfe können gelöscht werden; dieser Eintrag ist „%1“.</translation>
    </message>
    <message>
        <source>Port %1 on %2 is busy: another program is listening there.</source>
        <translation>Port %1 auf %2 ist belegt: Ein anderes Programm lauscht dort.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Kann auf %1 Port %2 nicht lauschen: %3</translation>
    </message>
    <message>
        <source>The REST server did not start.</source>
        <translation>Der REST-Server ist nicht gestartet.</translation>
    </message>
    <message>
        <source>Only reviewers and administrators can read the audit log.</source>
        <translation>Nur Prüfer und Administratoren können das Prüfprotokoll lesen.</translation>
    </message>
    <message>
        <source>Unknown entity type ‘%1’; use feature, order, product or user.</source>
        <translation>Unbekannter Typ „%1“; verwenden Sie feature, order, product oder user.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>The token is not valid; sign in again.</source>
        <translation>Das Token ist ungültig; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins; try again in %1 seconds.</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen; versuchen Sie es in %1 Sekunden erneut.</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation>Dieses Konto ist deaktiviert.</translation>
    </message>
    <message>
        <source>The token has expired; sign in again.</source>
        <translation>Das Token ist abgelaufen; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>There is no such feature.</source>
        <translation>Dieses Feature gibt es nicht.</translation>
    </message>
    <message>
        <source>A feature named ‘%1’ already exists.</source>
        <translation>Ein Feature namens „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <source>There is no such order.</source>
        <translation>Diese Bestellung gibt es nicht.</translation>
    </message>
    <message>
        <source>Add at least one line before submitting the order.</source>
        <translation>Fügen Sie mindestens eine Position hinzu, bevor Sie die Bestellung einreichen.</translation>
    </message>
    <message>
        <source>There is no such product.</source>
        <translation>Dieses Produkt gibt es nicht.</translation>
    </message>
    <message>
        <source>The product ‘%1’ is no longer available.</source>
        <translation>Das Produkt „%1“ ist nicht mehr erhältlich.</translation>
    </message>
    <message>
        <source>The order total is too large.</source>
        <translation>Die Bestellsumme ist zu groß.</translation>
    </message>
    <message>
        <source>Only administrators can change products.</source>
        <translation>Nur Administratoren können Produkte ändern.</translation>
    </message>
    <message>
        <source>A product with SKU ‘%1’ already exists.</source>
        <translation>Ein Produkt mit der Artikelnummer „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <source>Orders use the product ‘%1’; deactivate it instead of deleting it.</source>
        <translation>Bestellungen verwenden das Produkt „%1“; nehmen Sie es aus dem Verkauf, statt es zu löschen.</translation>
    </message>
    <message>
        <source>Only administrators can manage users.</source>
        <translation>Nur Administratoren können Benutzer verwalten.</translation>
    </message>
    <message>
        <source>Users can be sorted by name, creation or last change only.</source>
        <translation>Benutzer lassen sich nur nach Name, Erstellung oder letzter Änderung sortieren.</translation>
    </message>
    <message>
        <source>There is no such user.</source>
        <translation>Diesen Benutzer gibt es nicht.</translation>
    </message>
    <message>
        <source>A user named ‘%1’ already exists.</source>
        <translation>Einen Benutzer namens „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <source>Signoff already has users; sign in instead.</source>
        <translation>Signoff hat bereits Benutzer; melden Sie sich stattdessen an.</translation>
    </message>
    <message>
        <source>‘%1’ is the last administrator; make someone else administrator first.</source>
        <translation>„%1“ ist der letzte Administrator; machen Sie zuerst jemand anderen zum Administrator.</translation>
    </message>
    <message>
        <source>The database is not available; try again shortly.</source>
        <translation>Die Datenbank ist nicht erreichbar; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The Qt SQL driver for this database is not installed.</source>
        <translation>Der Qt-SQL-Treiber für diese Datenbank ist nicht installiert.</translation>
    </message>
    <message>
        <source>Cannot open the database: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>This item already exists.</source>
        <translation>Diesen Eintrag gibt es bereits.</translation>
    </message>
    <message>
        <source>The database is busy; try again shortly.</source>
        <translation>Die Datenbank ist ausgelastet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Cannot create the folder ‘%1’.</source>
        <translation>Der Ordner „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The database URL is not a valid URL: %1</source>
        <translation>Die Datenbank-URL ist keine gültige URL: %1</translation>
    </message>
    <message>
        <source>The PostgreSQL URL has no host.</source>
        <translation>Die PostgreSQL-URL nennt keinen Host.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL has an invalid port.</source>
        <translation>Die PostgreSQL-URL hat einen ungültigen Port.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL must name one database: postgresql://USER:PASSWORD@HOST:PORT/DB</source>
        <translation>Die PostgreSQL-URL muss genau eine Datenbank nennen: postgresql://BENUTZER:PASSWORT@HOST:PORT/DB</translation>
    </message>
    <message>
        <source>Unknown PostgreSQL URL option ‘%1’.</source>
        <translation>Unbekannte Option „%1“ in der PostgreSQL-URL.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL option ‘%1’ has an invalid value.</source>
        <translation>Die Option „%1“ der PostgreSQL-URL hat einen ungültigen Wert.</translation>
    </message>
    <message>
        <source>The database URL is empty.</source>
        <translation>Die Datenbank-URL ist leer.</translation>
    </message>
    <message>
        <source>Unsupported database URL ‘%1’: use a file path, sqlite:PATH or postgresql://…</source>
        <translation>Nicht unterstützte Datenbank-URL „%1“: Verwenden Sie einen Dateipfad, sqlite:PFAD oder postgresql://…</translation>
    </message>
    <message>
        <source>The SQLite URL has no file path.</source>
        <translation>Die SQLite-URL nennt keinen Dateipfad.</translation>
    </message>
    <message>
        <source>The database path contains a NUL character.</source>
        <translation>Der Datenbankpfad enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <source>The cursor is not valid; start again from the first page.</source>
        <translation>Der Cursor ist ungültig; beginnen Sie wieder mit der ersten Seite.</translation>
    </message>
    <message>
        <source>The limit must be between 1 and %1.</source>
        <translation>Das Limit muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <source>%1, line %2: the BEGIN … END body is not closed.</source>
        <translation>%1, Zeile %2: Der BEGIN … END-Block ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>%1, line %2: the /* comment is not closed.</source>
        <translation>%1, Zeile %2: Der /*-Kommentar ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>%1, line %2: the string is not closed.</source>
        <translation>%1, Zeile %2: Die Zeichenkette ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>%1, line %2: the quoted identifier is not closed.</source>
        <translation>%1, Zeile %2: Der Bezeichner in Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>%1, line %2: the dollar-quote tag is too long.</source>
        <translation>%1, Zeile %2: Die Dollar-Quote-Marke ist zu lang.</translation>
    </message>
    <message>
        <source>%1, line %2: the dollar-quoted body is not closed.</source>
        <translation>%1, Zeile %2: Der Dollar-Quote-Block ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>The migration file name ‘%1’ is not of the form YYYYMMDD_name.sql.</source>
        <translation>Der Migrationsdateiname „%1“ hat nicht die Form JJJJMMTT_name.sql.</translation>
    </message>
    <message>
        <source>%1 does not start with the line “-- Migration: %1”.</source>
        <translation>%1 beginnt nicht mit der Zeile „-- Migration: %1“.</translation>
    </message>
    <message>
        <source>%1, line %2: the header names ‘%3’ instead of the file itself.</source>
        <translation>%1, Zeile %2: Der Kopf nennt „%3“ statt der Datei selbst.</translation>
    </message>
    <message>
        <source>%1, line %2: SQL before the “-- Up” line.</source>
        <translation>%1, Zeile %2: SQL vor der Zeile „-- Up“.</translation>
    </message>
    <message>
        <source>%1, line %2: a second “-- Up” line.</source>
        <translation>%1, Zeile %2: eine zweite Zeile „-- Up“.</translation>
    </message>
    <message>
        <source>%1, line %2: a second “-- Down” line.</source>
        <translation>%1, Zeile %2: eine zweite Zeile „-- Down“.</translation>
    </message>
    <message>
        <source>%1, line %2: “-- Down” comes before “-- Up”.</source>
        <translation>%1, Zeile %2: „-- Down“ steht vor „-- Up“.</translation>
    </message>
    <message>
        <source>%1 has no “-- Up” line.</source>
        <translation>%1 hat keine Zeile „-- Up“.</translation>
    </message>
    <message>
        <source>%1 has no “-- Down” line.</source>
        <translation>%1 hat keine Zeile „-- Down“.</translation>
    </message>
    <message>
        <source>%1: the Up section has no statements.</source>
        <translation>%1: Der Up-Abschnitt enthält keine Anweisungen.</translation>
    </message>
    <message>
        <source>Migration %1 failed at statement %2: %3</source>
        <translation>Migration %1 ist bei Anweisung %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Migration %1 appears twice.</source>
        <translation>Migration %1 kommt zweimal vor.</translation>
    </message>
    <message>
        <source>This program has no migrations for %1.</source>
        <translation>Dieses Programm hat keine Migrationen für %1.</translation>
    </message>
    <message>
        <source>Cannot read the migration %1.</source>
        <translation>Die Migration %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The database schema (%1) is newer than this program; upgrade Signoff.</source>
        <translation>Das Datenbankschema (%1) ist neuer als dieses Programm; aktualisieren Sie Signoff.</translation>
    </message>
    <message>
        <source>The number of migration steps must not be negative.</source>
        <translation>Die Zahl der Migrationsschritte darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>Migration %1 cannot be reverted: its Down section is empty.</source>
        <translation>Migration %1 kann nicht zurückgenommen werden: Ihr Down-Abschnitt ist leer.</translation>
    </message>
    <message>
        <source>backup copies SQLite databases; use pg_dump for PostgreSQL.</source>
        <translation>backup kopiert SQLite-Datenbanken; verwenden Sie pg_dump für PostgreSQL.</translation>
    </message>
    <message>
        <source>The backup needs a file name.</source>
        <translation>Die Sicherung braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>The file ‘%1’ already exists; the backup does not overwrite files.</source>
        <translation>Die Datei „%1“ gibt es bereits; die Sicherung überschreibt keine Dateien.</translation>
    </message>
    <message>
        <source>The folder ‘%1’ does not exist.</source>
        <translation>Den Ordner „%1“ gibt es nicht.</translation>
    </message>
    <message>
        <source>A backup cannot run inside a transaction.</source>
        <translation>Eine Sicherung kann nicht innerhalb einer Transaktion laufen.</translation>
    </message>
    <message>
        <source>Cannot write the backup ‘%1’: %2</source>
        <translation>Die Sicherung „%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The database file ‘%1’ is gone.</source>
        <translation>Die Datenbankdatei „%1“ ist verschwunden.</translation>
    </message>
    <message>
        <source>The disk that holds the database is full; nothing was saved.</source>
        <translation>Der Datenträger der Datenbank ist voll; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The database cannot be written (it is read-only); nothing was saved.</source>
        <translation>In die Datenbank kann nicht geschrieben werden (sie ist schreibgeschützt); nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Write a comment.</source>
        <translation>Schreiben Sie einen Kommentar.</translation>
    </message>
    <message>
        <source>The number of approvals must be between %1 and %2.</source>
        <translation>Die Zahl der Genehmigungen muss zwischen %1 und %2 liegen.</translation>
    </message>
    <message>
        <source>A batch holds between 1 and %1 items.</source>
        <translation>Ein Stapel enthält zwischen 1 und %1 Einträge.</translation>
    </message>
    <message>
        <source>A policy can have at most %1 thresholds.</source>
        <translation>Eine Richtlinie kann höchstens %1 Schwellen haben.</translation>
    </message>
    <message>
        <source>The total must be between 0 and %1 cents.</source>
        <translation>Die Summe muss zwischen 0 und %1 Cent liegen.</translation>
    </message>
    <message>
        <source>Thresholds must be in ascending order of their totals, each above the one before.</source>
        <translation>Die Schwellen müssen nach ihren Summen aufsteigend geordnet sein, jede über der vorigen.</translation>
    </message>
    <message>
        <source>Only the owner can withdraw this item.</source>
        <translation>Nur der Eigentümer kann diesen Eintrag zurückziehen.</translation>
    </message>
    <message>
        <source>You have already approved this item.</source>
        <translation>Sie haben diesen Eintrag bereits genehmigt.</translation>
    </message>
    <message>
        <source>This item has %1 comments, as many as it can have.</source>
        <translation>Dieser Eintrag hat %1 Kommentare, so viele, wie er haben kann.</translation>
    </message>
    <message>
        <source>Only administrators can change the approval policy.</source>
        <translation>Nur Administratoren können die Genehmigungsrichtlinie ändern.</translation>
    </message>
    <message>
        <source>The audit log did not record the event.</source>
        <translation>Das Prüfprotokoll hat das Ereignis nicht verzeichnet.</translation>
    </message>
    <message>
        <source>The approval policy is missing from the database.</source>
        <translation>Die Genehmigungsrichtlinie fehlt in der Datenbank.</translation>
    </message>
    <message>
        <source>The approval policy in the database cannot be read.</source>
        <translation>Die Genehmigungsrichtlinie in der Datenbank kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Only administrators can verify the audit log.</source>
        <translation>Nur Administratoren können das Prüfprotokoll überprüfen.</translation>
    </message>
    <message>
        <source>The operation was interrupted; try again.</source>
        <translation>Der Vorgang wurde unterbrochen; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Bitte zuerst anmelden.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not what Signoff expects (%1).</source>
        <translation>Die Antwort des Servers entspricht nicht dem, was Signoff erwartet (%1).</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: %2</source>
        <translation>Der Server %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>A server creates its administrator when it first starts; sign in instead.</source>
        <translation>Ein Server legt seinen Administrator beim ersten Start selbst an; melden Sie sich stattdessen an.</translation>
    </message>
    <message>
        <source>A decision must name the version it is about; reload the item and decide again.</source>
        <translation>Eine Entscheidung muss die Version nennen, um die es geht; laden Sie den Eintrag neu und entscheiden Sie erneut.</translation>
    </message>
    <message>
        <source>Text cannot contain direction controls such as U+202E.</source>
        <translation>Text darf keine Richtungssteuerzeichen wie U+202E enthalten.</translation>
    </message>
    <message>
        <source>Text cannot consist of invisible characters only.</source>
        <translation>Text darf nicht nur aus unsichtbaren Zeichen bestehen.</translation>
    </message>
    <message>
        <source>The options cannot contain NUL characters (U+0000).</source>
        <translation>Die Optionen dürfen keine NUL-Zeichen (U+0000) enthalten.</translation>
    </message>
    <message>
        <source>Text cannot contain NUL characters (U+0000).</source>
        <translation>Text darf keine NUL-Zeichen (U+0000) enthalten.</translation>
    </message>
    <message>
        <source>Too many sign-ins at once; try again in a moment.</source>
        <translation>Zu viele Anmeldungen gleichzeitig; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The number of days must be a whole number between 1 and %1.</source>
        <translation>Die Anzahl der Tage muss eine ganze Zahl zwischen 1 und %1 sein.</translation>
    </message>
    <message>
        <source>Enter the URL to send events to.</source>
        <translation>Geben Sie die URL ein, an die Ereignisse gesendet werden.</translation>
    </message>
    <message>
        <source>A URL may have at most %1 characters.</source>
        <translation>Eine URL darf höchstens %1 Zeichen haben.</translation>
    </message>
    <message>
        <source>A URL may not contain spaces or control characters.</source>
        <translation>Eine URL darf keine Leer- oder Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>This is not an absolute URL such as https://example.com/hook.</source>
        <translation>Das ist keine absolute URL wie https://example.com/hook.</translation>
    </message>
    <message>
        <source>Use an https:// URL.</source>
        <translation>Verwenden Sie eine https://-URL.</translation>
    </message>
    <message>
        <source>A webhook URL may not carry a user name or password; the signature authenticates Signoff.</source>
        <translation>Eine Webhook-URL darf keinen Benutzernamen und kein Passwort enthalten; Signoff weist sich durch die Signatur aus.</translation>
    </message>
    <message>
        <source>A webhook URL may not have a fragment (#...).</source>
        <translation>Eine Webhook-URL darf kein Fragment (#...) haben.</translation>
    </message>
    <message>
        <source>Name at least one event type, e.g. feature.approved or order.*.</source>
        <translation>Nennen Sie mindestens einen Ereignistyp, z. B. feature.approved oder order.*.</translation>
    </message>
    <message>
        <source>An endpoint may name at most %1 event types.</source>
        <translation>Ein Endpunkt darf höchstens %1 Ereignistypen nennen.</translation>
    </message>
    <message>
        <source>‘%1’ is not an event type; use one such as feature.approved, order.* or *.</source>
        <translation>„%1“ ist kein Ereignistyp; verwenden Sie etwa feature.approved, order.* oder *.</translation>
    </message>
    <message>
        <source>The host ‘%1’ could not be resolved.</source>
        <translation>Der Host „%1“ konnte nicht aufgelöst werden.</translation>
    </message>
    <message>
        <source>‘%1’ resolves to %2, a reserved address that cannot receive webhooks.</source>
        <translation>„%1“ wird zu %2 aufgelöst, einer reservierten Adresse, die keine Webhooks empfangen kann.</translation>
    </message>
    <message>
        <source>‘%1’ resolves to %2, a %3 address; webhooks go to public addresses unless the server runs with --allow-private-webhooks.</source>
        <translation>„%1“ wird zu %2 aufgelöst (Adresstyp: %3); Webhooks gehen nur an öffentliche Adressen, außer der Server läuft mit --allow-private-webhooks.</translation>
    </message>
    <message>
        <source>‘%1’ resolves to an address that is not loopback.</source>
        <translation>„%1“ wird zu einer Adresse aufgelöst, die nicht Loopback ist.</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only for loopback (127.0.0.1, [::1], localhost); use https://.</source>
        <translation>Unverschlüsseltes http:// ist nur für Loopback erlaubt (127.0.0.1, [::1], localhost); verwenden Sie https://.</translation>
    </message>
    <message>
        <source>There is no such webhook.</source>
        <translation>Diesen Webhook gibt es nicht.</translation>
    </message>
    <message>
        <source>This webhook has no such delivery.</source>
        <translation>Dieser Webhook hat keine solche Zustellung.</translation>
    </message>
    <message>
        <source>Only administrators can manage webhooks.</source>
        <translation>Nur Administratoren können Webhooks verwalten.</translation>
    </message>
    <message>
        <source>This computer does not trust the certificate of %1 (%2). Its SHA-256 fingerprint is %3.</source>
        <translation>Dieser Computer vertraut dem Zertifikat von %1 nicht (%2). Sein SHA-256-Fingerabdruck ist %3.</translation>
    </message>
    <message>
        <source>%1 presented a different certificate from the one you trusted, so Signoff did not connect: someone may be intercepting the connection, or the server&apos;s certificate was replaced. Trusted: %2. Presented: %3.</source>
        <translation>%1 hat ein anderes Zertifikat vorgelegt als das, dem Sie vertraut haben; Signoff hat deshalb keine Verbindung aufgebaut: Jemand könnte die Verbindung abfangen, oder das Zertifikat des Servers wurde ersetzt. Vertraut: %2. Vorgelegt: %3.</translation>
    </message>
    <message>
        <source>Only features and orders have comments.</source>
        <translation>Nur Features und Bestellungen haben Kommentare.</translation>
    </message>
    <message>
        <source>There is no database at %1 (check the path).</source>
        <translation>Unter %1 gibt es keine Datenbank (prüfen Sie den Pfad).</translation>
    </message>
    <message>
        <source>The folder %1 does not exist (check the path, or create the folder first).</source>
        <translation>Den Ordner %1 gibt es nicht (prüfen Sie den Pfad oder legen Sie den Ordner zuerst an).</translation>
    </message>
    <message>
        <source>Only a server&apos;s sessions can be kept.</source>
        <translation>Nur Sitzungen auf einem Server können behalten werden.</translation>
    </message>
    <message>
        <source>No session is kept for this server.</source>
        <translation>Für diesen Server ist keine Sitzung gespeichert.</translation>
    </message>
    <message>
        <source>The system keyring is not available (%1).</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1).</translation>
    </message>
    <message>
        <source>The user name &quot;me&quot; is reserved; choose another.</source>
        <translation>Der Benutzername „me“ ist reserviert; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>Products can be sorted by name, creation or last change only.</source>
        <translation>Produkte lassen sich nur nach Name, Erstellung oder letzter Änderung sortieren.</translation>
    </message>
    <message>
        <source>The cursor belongs to a list in another order; start again from the first page.</source>
        <translation>Der Cursor gehört zu einer Liste in anderer Reihenfolge; beginnen Sie wieder mit der ersten Seite.</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>In the last %n day(s): %1 approved, %2 rejected.</source>
        <translation>
            <numerusform>Letzter %n Tag: %1 genehmigt, %2 abgelehnt.</numerusform>
            <numerusform>Letzte %n Tage: %1 genehmigt, %2 abgelehnt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardFigures</name>
    <message>
        <source>Features</source>
        <translation>Features</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>A day on the dashboard&apos;s charts and tables (QDate format: &quot;6 Dec&quot;).</extracomment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Time to decision</source>
        <translation>Zeit bis zur Entscheidung</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90. Perzentil</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>Längste</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>Signoff</source>
        <translation>Signoff</translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1</source>
        <translation>Die Datenbank kann nicht geöffnet werden:
%1</translation>
    </message>
    <message>
        <source>‘%1’ is not an IP address.</source>
        <translation>„%1“ ist keine IP-Adresse.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Zur Prüfung</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Einreichen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Revise</source>
        <translation>Überarbeiten</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>eingereicht</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>revised</source>
        <translation>zur Überarbeitung zurückgeholt</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Feature</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>withdrew</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>kommentiert</translation>
    </message>
    <message>
        <source>Approval policy</source>
        <translation>Genehmigungsrichtlinie</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Wird eingereicht …</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Wird genehmigt …</translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation>Wird abgelehnt …</translation>
    </message>
    <message>
        <source>Revising…</source>
        <translation>Wird überarbeitet …</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>Wird zurückgezogen …</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 Tg.</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 Tg. %2 Std.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 Sek.</translation>
    </message>
</context>
<context>
    <name>Rest</name>
    <message>
        <source>Sign in first: send Authorization: Bearer TOKEN with a token from POST /api/v1/auth/token.</source>
        <translation>Melden Sie sich zuerst an: Senden Sie Authorization: Bearer TOKEN mit einem Token von POST /api/v1/auth/token.</translation>
    </message>
    <message>
        <source>Too many requests; try again in %1 seconds.</source>
        <translation>Zu viele Anfragen; versuchen Sie es in %1 Sekunden erneut.</translation>
    </message>
    <message>
        <source>There is no such resource.</source>
        <translation>Diese Ressource gibt es nicht.</translation>
    </message>
    <message>
        <source>Use draft, pending, approved or rejected.</source>
        <translation>Verwenden Sie draft, pending, approved oder rejected.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message>
        <source>This must be a string.</source>
        <translation>Dies muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>This must be a whole number between -%1 and %1.</source>
        <translation>Dies muss eine ganze Zahl zwischen -%1 und %1 sein.</translation>
    </message>
    <message>
        <source>This must be true or false.</source>
        <translation>Dies muss true oder false sein.</translation>
    </message>
    <message>
        <source>This must be a JSON object.</source>
        <translation>Dies muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>This must be an array.</source>
        <translation>Dies muss ein Array sein.</translation>
    </message>
    <message>
        <source>This must be an id such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.</source>
        <translation>Dies muss eine ID wie 3f2504e0-4f89-41d3-9a0c-0305e82c3301 sein.</translation>
    </message>
    <message>
        <source>This field is unknown; remove it.</source>
        <translation>Dieses Feld ist unbekannt; entfernen Sie es.</translation>
    </message>
    <message>
        <source>Use true or false.</source>
        <translation>Verwenden Sie true oder false.</translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at byte %2.</source>
        <translation>Der Inhalt ist kein gültiges JSON: %1 bei Byte %2.</translation>
    </message>
    <message>
        <source>The body must be a JSON object: {&quot;name&quot;: value, ...}.</source>
        <translation>Der Inhalt muss ein JSON-Objekt sein: {&quot;name&quot;: Wert, ...}.</translation>
    </message>
    <message>
        <source>If-Match must be the version&apos;s entity tag from ETag, for example &quot;3&quot;.</source>
        <translation>If-Match muss das Entity-Tag der Version aus ETag sein, zum Beispiel &quot;3&quot;.</translation>
    </message>
    <message>
        <source>This query parameter is unknown; remove it.</source>
        <translation>Dieser Abfrageparameter ist unbekannt; entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>The limit must be a whole number between 1 and %1.</source>
        <translation>Das Limit muss eine ganze Zahl zwischen 1 und %1 sein.</translation>
    </message>
    <message>
        <source>Use requester, reviewer or admin.</source>
        <translation>Verwenden Sie requester, reviewer oder admin.</translation>
    </message>
    <message>
        <source>The body names the field ‘%1’ more than once.</source>
        <translation>Der Inhalt nennt das Feld „%1“ mehr als einmal.</translation>
    </message>
    <message>
        <source>This must be UTF-8 text.</source>
        <translation>Das muss UTF-8-Text sein.</translation>
    </message>
    <message>
        <source>Use approve, reject, submit or withdraw.</source>
        <translation>Verwenden Sie approve, reject, submit oder withdraw.</translation>
    </message>
    <message>
        <source>Text cannot contain NUL characters (U+0000).</source>
        <translation>Text darf keine NUL-Zeichen (U+0000) enthalten.</translation>
    </message>
    <message>
        <source>Too many sign-ins from this address; try again in %1 seconds.</source>
        <translation>Zu viele Anmeldungen von dieser Adresse; versuchen Sie es in %1 Sekunden erneut.</translation>
    </message>
    <message>
        <source>The number %1 cannot be kept exactly: use a whole number of at most 64 bits, a number of at most 15 significant digits, or a string.</source>
        <translation>Die Zahl %1 kann nicht genau gespeichert werden: Verwenden Sie eine ganze Zahl mit höchstens 64 Bit, eine Zahl mit höchstens 15 signifikanten Stellen oder eine Zeichenkette.</translation>
    </message>
    <message>
        <source>Sort by one of %1, with &quot;-&quot; in front for descending order.</source>
        <translation>Sortieren Sie nach einem von %1, mit vorangestelltem &quot;-&quot; für absteigende Reihenfolge.</translation>
    </message>
    <message>
        <source>Give this query parameter once.</source>
        <translation>Geben Sie diesen Abfrageparameter nur einmal an.</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>signoff::AuditListModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>signoff::AuditPage</name>
    <message>
        <source>Actor’s user name, exactly (Ctrl+F)</source>
        <translation>Benutzername der handelnden Person, exakt (Strg+F)</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Type filter</source>
        <translation>Typfilter</translation>
    </message>
    <message>
        <source>No event matches the search or filter.</source>
        <translation>Kein Ereignis passt zu Suche oder Filter.</translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation>Bisher ist nichts geschehen.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
</context>
<context>
    <name>signoff::CommentThread</name>
    <message>
        <source>No comments yet. Anyone may ask or remark here, in any status.</source>
        <translation>Noch keine Kommentare. Hier darf jeder fragen oder anmerken, in jedem Status.</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Kommentieren</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Neuer Kommentar</translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation>Kommentar schreiben…</translation>
    </message>
    <message>
        <source>%1 · %2
%3</source>
        <translation>%1 · %2
%3</translation>
    </message>
</context>
<context>
    <name>signoff::DashboardPage</name>
    <message>
        <source>Show figures as &amp;tables</source>
        <translation>Zahlen als &amp;Tabellen zeigen</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Letzter %n Tag</numerusform>
            <numerusform>Letzte %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Show the numbers behind each chart as a table, for screen readers and exact figures</source>
        <translation>Die Zahlen hinter jedem Diagramm als Tabelle zeigen, für Bildschirmleser und genaue Werte</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Waiting times</source>
        <translation>Wartezeiten</translation>
    </message>
    <message>
        <source>Items by status</source>
        <translation>Einträge nach Status</translation>
    </message>
    <message>
        <source>Items by status, chart</source>
        <translation>Einträge nach Status, Diagramm</translation>
    </message>
    <message>
        <source>Decisions per day</source>
        <translation>Entscheidungen pro Tag</translation>
    </message>
    <message>
        <source>Decisions per day, chart</source>
        <translation>Entscheidungen pro Tag, Diagramm</translation>
    </message>
    <message>
        <source>Cannot load the dashboard: %1</source>
        <translation>Die Übersicht kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
</context>
<context>
    <name>signoff::DesktopController</name>
    <message>
        <source>You will sign in again next time: %1</source>
        <translation>Beim nächsten Start melden Sie sich erneut an: %1</translation>
    </message>
</context>
<context>
    <name>signoff::EntityForm</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation>Änderungen speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Created.</source>
        <translation>Angelegt.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Someone else changed this item; the form now shows the current version.</source>
        <translation>Jemand anderes hat diesen Eintrag geändert; das Formular zeigt jetzt die aktuelle Version.</translation>
    </message>
    <message>
        <source>Someone else changed this item while you were editing it. Reload to see their changes (yours will be discarded), or copy your edits first.</source>
        <translation>Jemand anderes hat diesen Eintrag geändert, während Sie ihn bearbeitet haben. Laden Sie neu, um diese Änderungen zu sehen (Ihre werden verworfen), oder kopieren Sie zuerst Ihre Eingaben.</translation>
    </message>
    <message>
        <source>This item was deleted; it can no longer be changed.</source>
        <translation>Dieser Eintrag wurde gelöscht; er kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete %1? This cannot be undone.</source>
        <translation>%1 löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Discard them?</source>
        <translation>%1 hat ungespeicherte Änderungen. Verwerfen?</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht …</translation>
    </message>
</context>
<context>
    <name>signoff::FeatureForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>What the feature is called</source>
        <translation>Wie das Feature heißt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Optionen</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>New feature</source>
        <translation>Neues Feature</translation>
    </message>
    <message>
        <source>Feature ‘%1’</source>
        <translation>Feature „%1“</translation>
    </message>
</context>
<context>
    <name>signoff::HistoryText</name>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: needs %n approval(s)</source>
        <translation>
            <numerusform>%1: braucht %n Genehmigung</numerusform>
            <numerusform>%1: braucht %n Genehmigungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; approvals dropped: %2</source>
        <translation>%1; verworfene Genehmigungen: %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: added %2</source>
        <translation>%1: hinzugefügt %2</translation>
    </message>
    <message>
        <source>%1: removed (was %2)</source>
        <translation>%1: entfernt (war %2)</translation>
    </message>
    <message>
        <source>the whole item</source>
        <translation>der ganze Eintrag</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Position %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>signoff::ItemListModel</name>
    <message>
        <source>Order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>signoff::ItemsPage</name>
    <message>
        <source>Search names and notes (Ctrl+F)</source>
        <translation>Namen und Notizen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search feature names (Ctrl+F)</source>
        <translation>Feature-Namen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search order notes (Ctrl+F)</source>
        <translation>Bestellnotizen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>My items</source>
        <translation>Meine Einträge</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Features</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Nothing matches the search or filter.</source>
        <translation>Nichts passt zu Suche oder Filter.</translation>
    </message>
    <message>
        <source>You have no features or orders yet.
Create one with Ctrl+N.</source>
        <translation>Sie haben noch keine Features oder Bestellungen.
Legen Sie eins mit Strg+N an.</translation>
    </message>
    <message>
        <source>Nothing is waiting for your review.</source>
        <translation>Nichts wartet auf Ihre Prüfung.</translation>
    </message>
    <message>
        <source>There are no features yet.
Create one with Ctrl+N.</source>
        <translation>Es gibt noch keine Features.
Legen Sie eins mit Strg+N an.</translation>
    </message>
    <message>
        <source>There are no orders yet.
Create one with Ctrl+N.</source>
        <translation>Es gibt noch keine Bestellungen.
Legen Sie eine mit Strg+N an.</translation>
    </message>
    <message>
        <source>Delete the draft ‘%1’? This cannot be undone.</source>
        <translation>Den Entwurf „%1“ löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n drafts? This cannot be undone.</source>
        <translation>
            <numerusform>%n Entwurf löschen? Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%n Entwürfe löschen? Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Some drafts could not be deleted:</source>
        <translation>Einige Entwürfe konnten nicht gelöscht werden:</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n draft(s).</source>
        <translation>
            <numerusform>%n Entwurf gelöscht.</numerusform>
            <numerusform>%n Entwürfe gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approved %n item(s).</source>
        <translation>
            <numerusform>%n Eintrag genehmigt.</numerusform>
            <numerusform>%n Einträge genehmigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n item(s).</source>
        <translation>
            <numerusform>%n Eintrag abgelehnt.</numerusform>
            <numerusform>%n Einträge abgelehnt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht …</translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation>Wird abgelehnt …</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Wird genehmigt …</translation>
    </message>
</context>
<context>
    <name>signoff::ListPage</name>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported the first %L1 rows to %2 (an export stops there).</source>
        <translation>Die ersten %L1 Zeilen wurden nach %2 exportiert (ein Export endet dort).</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 exportiert.</numerusform>
            <numerusform>%Ln Zeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>signoff::LoginDialog</name>
    <message>
        <source>Sign in to Signoff</source>
        <translation>Bei Signoff anmelden</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Signoff</source>
        <translation>Signoff</translation>
    </message>
    <message>
        <source>Sign in with your user name and password.</source>
        <translation>Melden Sie sich mit Benutzername und Passwort an.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Administrator’s user name</source>
        <translation>Benutzername des Administrators</translation>
    </message>
    <message>
        <source>Administrator’s display name</source>
        <translation>Anzeigename des Administrators</translation>
    </message>
    <message>
        <source>Optional, such as your full name</source>
        <translation>Optional, etwa Ihr vollständiger Name</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>Administrator &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>A&amp;nzeigename:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Welcome to Signoff</source>
        <translation>Willkommen bei Signoff</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator: the first person who can sign in, add other users and manage the catalogue.</source>
        <translation>Diese Datenbank hat noch keine Benutzer. Legen Sie den Administrator an: die erste Person, die sich anmelden, weitere Benutzer hinzufügen und den Katalog pflegen kann.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird angelegt …</translation>
    </message>
    <message>
        <source>Connect to</source>
        <translation>Verbinden mit</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Signoff server</source>
        <translation>Signoff-Server</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>&amp;Connect to:</source>
        <translation>&amp;Verbinden mit:</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>Unencrypted connection</source>
        <translation>Unverschlüsselte Verbindung</translation>
    </message>
    <message>
        <source>%1 is not on this computer and does not use HTTPS: your password and the data would cross the network unencrypted, readable and changeable by anyone on the way.

Connect anyway?</source>
        <translation>%1 ist nicht auf diesem Computer und verwendet kein HTTPS: Ihr Passwort und die Daten gingen unverschlüsselt über das Netz, für jeden auf dem Weg lesbar und veränderbar.

Trotzdem verbinden?</translation>
    </message>
    <message>
        <source>The server&apos;s certificate changed</source>
        <translation>Das Zertifikat des Servers hat sich geändert</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>Trust the new certificate only if the server&apos;s administrator tells you it was replaced and its fingerprint matches the one they give you.</source>
        <translation>Vertrauen Sie dem neuen Zertifikat nur, wenn die Administration des Servers Ihnen sagt, dass es ersetzt wurde, und sein Fingerabdruck mit dem übereinstimmt, den sie Ihnen nennt.</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one the server&apos;s administrator gives you. If they match, Signoff can trust this certificate for this server from now on, and will refuse any other.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den die Administration des Servers Ihnen nennt. Stimmen sie überein, kann Signoff diesem Zertifikat für diesen Server ab jetzt vertrauen und wird jedes andere ablehnen.</translation>
    </message>
    <message>
        <source>Trust the &amp;new certificate</source>
        <translation>Dem &amp;neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <source>S&amp;tay signed in</source>
        <translation>A&amp;ngemeldet bleiben</translation>
    </message>
    <message>
        <source>Keep the session in the system keyring, so that the next start signs in by itself. Signing out ends it.</source>
        <translation>Die Sitzung im Schlüsselbund des Systems behalten, damit der nächste Start von selbst anmeldet. Abmelden beendet sie.</translation>
    </message>
</context>
<context>
    <name>signoff::MainWindow</name>
    <message>
        <source>Signoff</source>
        <translation>Signoff</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>New item of this page’s kind (Ctrl+N)</source>
        <translation>Neuer Eintrag der Art dieser Seite (Strg+N)</translation>
    </message>
    <message>
        <source>New &amp;feature</source>
        <translation>Neues &amp;Feature</translation>
    </message>
    <message>
        <source>New &amp;order</source>
        <translation>Neue &amp;Bestellung</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the selected item (Enter)</source>
        <translation>Den ausgewählten Eintrag öffnen (Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected drafts (Delete)</source>
        <translation>Die ausgewählten Entwürfe löschen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Genehmigen…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>A&amp;blehnen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Signoff</source>
        <translation>&amp;Über Signoff</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>&amp;Eintrag</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>REST off</source>
        <translation>REST aus</translation>
    </message>
    <message>
        <source>The REST server is off. Turn it on in Settings.</source>
        <translation>Der REST-Server ist aus. Schalten Sie ihn in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>REST: %1</source>
        <translation>REST: %1</translation>
    </message>
    <message>
        <source>The REST API is served at %1</source>
        <translation>Die REST-API ist erreichbar unter %1</translation>
    </message>
    <message>
        <source>REST: port %1 busy</source>
        <translation>REST: Port %1 belegt</translation>
    </message>
    <message>
        <source>Another program uses port %1. Choose another port in Settings.</source>
        <translation>Ein anderes Programm verwendet Port %1. Wählen Sie in den Einstellungen einen anderen Port.</translation>
    </message>
    <message>
        <source>REST: not running</source>
        <translation>REST: läuft nicht</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>%n open form(s) have changes that are not saved. Discard them?</source>
        <translation>
            <numerusform>%n offenes Formular hat ungespeicherte Änderungen. Verwerfen?</numerusform>
            <numerusform>%n offene Formulare haben ungespeicherte Änderungen. Verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <source>About Signoff</source>
        <translation>Über Signoff</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>An administrator disabled your account; you have been signed out.</source>
        <translation>Ein Administrator hat Ihr Konto deaktiviert; Sie wurden abgemeldet.</translation>
    </message>
    <message>
        <source>Your role is now %1. Sign out and in again to see its pages.</source>
        <translation>Ihre Rolle ist jetzt %1. Melden Sie sich ab und wieder an, um ihre Seiten zu sehen.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Signoff %1&lt;/h3&gt;&lt;p&gt;An approval desk: create features and orders, submit them, and let reviewers approve or reject them. The same data is served as a REST API.&lt;/p&gt;&lt;p&gt;Copyright 2026 The Signoff authors. Signoff is free software under the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt;; it comes with no warranty.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Signoff %1&lt;/h3&gt;&lt;p&gt;Ein Freigabe-Arbeitsplatz: Features und Bestellungen anlegen, einreichen und von Prüfern genehmigen oder ablehnen lassen. Dieselben Daten stehen als REST-API bereit.&lt;/p&gt;&lt;p&gt;Copyright 2026 Die Signoff-Autoren. Signoff ist freie Software unter der &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, Version 3 oder später&lt;/a&gt;; es gibt keinerlei Gewährleistung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Connected to the server again.</source>
        <translation>Wieder mit dem Server verbunden.</translation>
    </message>
    <message>
        <source>Cannot reach the server — retrying. Open forms keep their edits.</source>
        <translation>Der Server ist nicht erreichbar — neuer Versuch läuft. Geöffnete Formulare behalten ihre Änderungen.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Load the page again (F5)</source>
        <translation>Die Seite neu laden (F5)</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the list as shown as a CSV file</source>
        <translation>Die Liste so, wie sie angezeigt wird, als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>%1 or more items wait for your review</source>
        <translation>%1 oder mehr Einträge warten auf Ihre Prüfung</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) wait for your review</source>
        <translation>
            <numerusform>%n Eintrag wartet auf Ihre Prüfung</numerusform>
            <numerusform>%n Einträge warten auf Ihre Prüfung</numerusform>
        </translation>
    </message>
    <message>
        <source>Signoff (%1)</source>
        <translation>Signoff (%1)</translation>
    </message>
    <message>
        <source>Signoff: %1</source>
        <translation>Signoff: %1</translation>
    </message>
    <message>
        <source>Signoff: nothing waits for your review</source>
        <translation>Signoff: nichts wartet auf Ihre Prüfung</translation>
    </message>
    <message>
        <source>Approve the selected items (%1)</source>
        <translation>Die ausgewählten Einträge genehmigen (%1)</translation>
    </message>
    <message>
        <source>Reject the selected items, with a reason (%1)</source>
        <translation>Die ausgewählten Einträge mit Begründung ablehnen (%1)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>signoff::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung ausblenden</translation>
    </message>
</context>
<context>
    <name>signoff::OptionsEditor</name>
    <message>
        <source>&amp;Add option</source>
        <translation>Option &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value (JSON)</source>
        <translation>Wert (JSON)</translation>
    </message>
    <message>
        <source>Options as JSON</source>
        <translation>Optionen als JSON</translation>
    </message>
    <message>
        <source>Enter a key in row %1.</source>
        <translation>Geben Sie in Zeile %1 einen Schlüssel ein.</translation>
    </message>
    <message>
        <source>The key ‘%1’ appears more than once.</source>
        <translation>Der Schlüssel „%1“ kommt mehrfach vor.</translation>
    </message>
</context>
<context>
    <name>signoff::OrderForm</name>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>What the order is for (optional)</source>
        <translation>Wofür die Bestellung ist (optional)</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otiz:</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>&amp;Positionen</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Neue Bestellung</translation>
    </message>
    <message>
        <source>Order ‘%1’</source>
        <translation>Bestellung „%1“</translation>
    </message>
</context>
<context>
    <name>signoff::OrderLinesEditor</name>
    <message>
        <source>&amp;Add line</source>
        <translation>Position &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>Position &amp;entfernen</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Bestellpositionen</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Positionssumme</translation>
    </message>
    <message>
        <source>Product of line %1</source>
        <translation>Produkt der Position %1</translation>
    </message>
    <message>
        <source>Quantity of line %1</source>
        <translation>Menge der Position %1</translation>
    </message>
    <message>
        <source>Choose a product…</source>
        <translation>Produkt wählen…</translation>
    </message>
    <message>
        <source>%1 (%2) — no longer on sale</source>
        <translation>%1 (%2) – nicht mehr im Verkauf</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Summe: %1</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Position %1: %2</translation>
    </message>
</context>
<context>
    <name>signoff::PasswordFields</name>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>Leave empty to keep the current password</source>
        <translation>Leer lassen, um das bisherige Passwort zu behalten</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>signoff::PoliciesPage</name>
    <message>
        <source>&amp;Save policy</source>
        <translation>Richtlinie &amp;speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>How many different reviewers must approve an item before it is approved. The number is fixed when an item is submitted: changing the policy never alters items already waiting for review.</source>
        <translation>Wie viele verschiedene Prüfer einen Eintrag genehmigen müssen, bevor er genehmigt ist. Die Zahl wird beim Einreichen festgelegt: Eine Änderung der Richtlinie ändert nie Einträge, die bereits auf Prüfung warten.</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Someone else changed the policy while you were editing it. Reload to see theirs (yours will be discarded).</source>
        <translation>Jemand anderes hat die Richtlinie geändert, während Sie sie bearbeitet haben. Laden Sie neu, um deren Fassung zu sehen (Ihre wird verworfen).</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Someone else changed the policy since it was loaded. Reload to see theirs (yours will be discarded).</source>
        <translation>Jemand anderes hat die Richtlinie seit dem Laden geändert. Laden Sie neu, um deren Fassung zu sehen (Ihre wird verworfen).</translation>
    </message>
    <message>
        <source>The approval policy is saved; items submitted from now on follow it.</source>
        <translation>Die Genehmigungsrichtlinie ist gespeichert; ab jetzt eingereichte Einträge folgen ihr.</translation>
    </message>
</context>
<context>
    <name>signoff::PolicyEditor</name>
    <message>
        <source>&amp;Add threshold</source>
        <translation>Schwelle &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove threshold</source>
        <translation>Schwelle &amp;entfernen</translation>
    </message>
    <message>
        <source>Approvals a feature needs</source>
        <translation>Genehmigungen, die ein Feature braucht</translation>
    </message>
    <message>
        <source>Approvals an order needs</source>
        <translation>Genehmigungen, die eine Bestellung braucht</translation>
    </message>
    <message>
        <source>Thresholds by order total</source>
        <translation>Schwellen nach Bestellsumme</translation>
    </message>
    <message>
        <source>Order total at least</source>
        <translation>Bestellsumme mindestens</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <source>Approvals a &amp;feature needs:</source>
        <translation>Genehmigungen für ein &amp;Feature:</translation>
    </message>
    <message>
        <source>Approvals an &amp;order needs:</source>
        <translation>Genehmigungen für eine &amp;Bestellung:</translation>
    </message>
    <message>
        <source>An order whose total reaches a threshold needs that threshold&apos;s number instead (the highest threshold reached counts). Items take the number when they are submitted; changing the policy leaves items already pending as they are.</source>
        <translation>Eine Bestellung, deren Summe eine Schwelle erreicht, braucht stattdessen die Zahl dieser Schwelle (es zählt die höchste erreichte). Einträge übernehmen die Zahl beim Einreichen; eine Änderung der Richtlinie lässt bereits eingereichte Einträge unverändert.</translation>
    </message>
</context>
<context>
    <name>signoff::ProductForm</name>
    <message>
        <source>On sale: can be chosen for new orders</source>
        <translation>Im Verkauf: kann für neue Bestellungen gewählt werden</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>&amp;SKU:</source>
        <translation>&amp;Artikelnummer:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Preis:</translation>
    </message>
    <message>
        <source>Version %1, created %2, updated %3.</source>
        <translation>Version %1, angelegt %2, geändert %3.</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message>
        <source>Product ‘%1’</source>
        <translation>Produkt „%1“</translation>
    </message>
</context>
<context>
    <name>signoff::ProductListModel</name>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>Im Verkauf</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>signoff::ProductsPage</name>
    <message>
        <source>Search SKU and name (Ctrl+F)</source>
        <translation>Artikelnummer und Name durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Availability filter</source>
        <translation>Verfügbarkeitsfilter</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>Alle Produkte</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>Im Verkauf</translation>
    </message>
    <message>
        <source>Not on sale</source>
        <translation>Nicht im Verkauf</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the product ‘%1’? A product that orders use cannot be deleted; take it off sale instead.</source>
        <translation>Das Produkt „%1“ löschen? Ein Produkt, das Bestellungen verwenden, kann nicht gelöscht werden; nehmen Sie es stattdessen aus dem Verkauf.</translation>
    </message>
    <message>
        <source>Deleted the product ‘%1’.</source>
        <translation>Das Produkt „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>No product matches the search or filter.</source>
        <translation>Kein Produkt passt zu Suche oder Filter.</translation>
    </message>
    <message>
        <source>The catalogue is empty.
Add a product with Ctrl+N.</source>
        <translation>Der Katalog ist leer.
Fügen Sie mit Strg+N ein Produkt hinzu.</translation>
    </message>
    <message>
        <source>The catalogue is empty. An administrator adds products.</source>
        <translation>Der Katalog ist leer. Produkte fügt ein Administrator hinzu.</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht …</translation>
    </message>
</context>
<context>
    <name>signoff::RestBackend</name>
    <message>
        <source>Your session on the server has ended; sign in again.</source>
        <translation>Ihre Sitzung auf dem Server ist beendet; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>the request took too long or its answer was too large</source>
        <translation>die Anfrage dauerte zu lange oder ihre Antwort war zu groß</translation>
    </message>
</context>
<context>
    <name>signoff::ResultsDialog</name>
    <message>
        <source>%1: results</source>
        <translation>%1: Ergebnisse</translation>
    </message>
    <message numerus="yes">
        <source>All %n items were changed.</source>
        <translation>
            <numerusform>Der Eintrag wurde geändert.</numerusform>
            <numerusform>Alle %n Einträge wurden geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 items were changed; %3 could not be.</source>
        <translation>%1 von %2 Einträgen wurden geändert; %3 nicht.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
</context>
<context>
    <name>signoff::ReviewDialog</name>
    <message>
        <source>Reject ‘%1’</source>
        <translation>„%1“ ablehnen</translation>
    </message>
    <message numerus="yes">
        <source>Reject %n items</source>
        <translation>
            <numerusform>%n Eintrag ablehnen</numerusform>
            <numerusform>%n Einträge ablehnen</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve ‘%1’</source>
        <translation>„%1“ genehmigen</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n items</source>
        <translation>
            <numerusform>%n Eintrag genehmigen</numerusform>
            <numerusform>%n Einträge genehmigen</numerusform>
        </translation>
    </message>
    <message>
        <source>Why is it rejected? The owner sees this reason.</source>
        <translation>Warum wird abgelehnt? Der Eigentümer sieht diese Begründung.</translation>
    </message>
    <message>
        <source>Add a comment for the owner (optional).</source>
        <translation>Ein Kommentar für den Eigentümer (optional).</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Begründung (erforderlich)</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Kommentar (optional)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>‘%1’ could not be changed: %2</source>
        <translation>„%1“ konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>%1 (Ctrl+Enter)</source>
        <translation>%1 (Strg+Eingabe)</translation>
    </message>
</context>
<context>
    <name>signoff::ReviewNotifications</name>
    <message>
        <source>an order of %1</source>
        <translation>eine Bestellung über %1</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>‘%1’ was approved.</source>
        <translation>„%1“ wurde genehmigt.</translation>
    </message>
    <message>
        <source>Waiting for your review</source>
        <translation>Wartet auf Ihre Prüfung</translation>
    </message>
    <message>
        <source>‘%1’ by %2 waits for your review.</source>
        <translation>„%1“ von %2 wartet auf Ihre Prüfung.</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>‘%1’ was rejected.</source>
        <translation>„%1“ wurde abgelehnt.</translation>
    </message>
    <message>
        <source>‘%1’ was rejected by %2: %3</source>
        <translation>„%1“ wurde von %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Neuer Kommentar</translation>
    </message>
    <message>
        <source>%1 commented on ‘%2’: %3</source>
        <translation>%1 hat „%2“ kommentiert: %3</translation>
    </message>
</context>
<context>
    <name>signoff::SettingsDialog</name>
    <message>
        <source>&amp;Serve the REST API while this window is open</source>
        <translation>REST-API &amp;bereitstellen, solange dieses Fenster offen ist</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>REST server</source>
        <translation>REST-Server</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Enter a numeric IP address, such as 127.0.0.1.</source>
        <translation>Geben Sie eine numerische IP-Adresse ein, etwa 127.0.0.1.</translation>
    </message>
    <message>
        <source>The REST API is off. Scripts and other programs cannot reach Signoff through this window.</source>
        <translation>Die REST-API ist aus. Skripte und andere Programme erreichen Signoff nicht über dieses Fenster.</translation>
    </message>
    <message>
        <source>Only programs on this computer can reach the API.</source>
        <translation>Nur Programme auf diesem Rechner erreichen die API.</translation>
    </message>
    <message>
        <source>Other computers on the network can reach the API; they still need a user’s token.</source>
        <translation>Andere Rechner im Netz erreichen die API; sie brauchen trotzdem das Token eines Benutzers.</translation>
    </message>
    <message>
        <source>Show &amp;notifications: items that wait for my review, and decisions and comments on my items</source>
        <translation>&amp;Benachrichtigungen anzeigen: Einträge, die auf meine Prüfung warten, und Entscheidungen und Kommentare zu meinen Einträgen</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>signoff::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Open the selected row</source>
        <translation>Die ausgewählte Zeile öffnen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>From the search field to the list</source>
        <translation>Vom Suchfeld in die Liste</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Pfeil nach unten</translation>
    </message>
    <message>
        <source>Save a form</source>
        <translation>Ein Formular speichern</translation>
    </message>
    <message>
        <source>Confirm a comment or a reason</source>
        <translation>Einen Kommentar oder eine Begründung bestätigen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>signoff::TableModel</name>
    <message>
        <source>Click to sort by %1</source>
        <translation>Klicken, um nach %1 zu sortieren</translation>
    </message>
</context>
<context>
    <name>signoff::UserForm</name>
    <message>
        <source>Disabled: cannot sign in, API tokens stop working</source>
        <translation>Deaktiviert: keine Anmeldung möglich, API-Tokens werden ungültig</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>lower-case letters, digits, . _ -</source>
        <translation>Kleinbuchstaben, Ziffern, . _ -</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>A&amp;nzeigename:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Neues &amp;Passwort:</translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Version %1, created %2, last sign-in %3.</source>
        <translation>Version %1, angelegt %2, letzte Anmeldung %3.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <source>User ‘%1’</source>
        <translation>Benutzer „%1“</translation>
    </message>
</context>
<context>
    <name>signoff::UserListModel</name>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>signoff::UsersPage</name>
    <message>
        <source>Search user and display names (Ctrl+F)</source>
        <translation>Benutzer- und Anzeigenamen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>No user matches the search.</source>
        <translation>Kein Benutzer passt zur Suche.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
</context>
<context>
    <name>signoff::WaitingTimesTiles</name>
    <message>
        <source>Submission to decision, median</source>
        <translation>Von der Einreichung bis zur Entscheidung, Median</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Zu prüfen</translation>
    </message>
    <message numerus="yes">
        <source>No decisions in the last %n day(s).</source>
        <translation>
            <numerusform>Keine Entscheidung am letzten Tag.</numerusform>
            <numerusform>Keine Entscheidungen in den letzten %n Tagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>90th percentile %1, longest %2; %n decision(s) in the last %3 days.</source>
        <translation>
            <numerusform>90. Perzentil %1, längste %2; %n Entscheidung in den letzten %3 Tagen.</numerusform>
            <numerusform>90. Perzentil %1, längste %2; %n Entscheidungen in den letzten %3 Tagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is waiting for a review.</source>
        <translation>Nichts wartet auf eine Prüfung.</translation>
    </message>
    <message>
        <source>Median %1, 90th percentile %2, oldest %3.</source>
        <translation>Median %1, 90. Perzentil %2, älteste %3</translation>
    </message>
</context>
<context>
    <name>signoff::WebhookDialog</name>
    <message>
        <source>&amp;Active: send deliveries to it</source>
        <translation>&amp;Aktiv: Zustellungen dorthin senden</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>An&amp;legen</translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <source>feature.approved
order.*</source>
        <translation>feature.approved
order.*</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Events:</source>
        <translation>&amp;Ereignisse:</translation>
    </message>
    <message>
        <source>One event type per line or comma separated; “order.*” means every order event, “*” every event.</source>
        <translation>Ein Ereignistyp pro Zeile oder durch Kommas getrennt; „order.*“ steht für jedes Bestellereignis, „*“ für jedes Ereignis.</translation>
    </message>
    <message>
        <source>The webhook is registered. This is its signing secret; receivers use it to check the webhook-signature header. &lt;b&gt;It is shown only now&lt;/b&gt;: copy it and keep it safe. If it is lost, delete the webhook and register it again.</source>
        <translation>Der Webhook ist registriert. Dies ist sein Signaturgeheimnis; Empfänger prüfen damit den Header webhook-signature. &lt;b&gt;Es wird nur jetzt angezeigt&lt;/b&gt;: Kopieren Sie es und bewahren Sie es sicher auf. Geht es verloren, löschen Sie den Webhook und registrieren Sie ihn neu.</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Signaturgeheimnis</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird angelegt …</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>signoff::WebhooksPage</name>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last response</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu …</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Redeliver</source>
        <translation>&amp;Erneut zustellen</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Zustellprotokoll</translation>
    </message>
    <message>
        <source>Load the webhooks and the delivery log again (F5)</source>
        <translation>Webhooks und Zustellprotokoll neu laden (F5)</translation>
    </message>
    <message>
        <source>Send the selected delivery again, with a fresh day of retries</source>
        <translation>Die gewählte Zustellung erneut senden, mit einem neuen Tag für Wiederholungen</translation>
    </message>
    <message>
        <source>Signoff sends the events an endpoint asks for to its URL, signed with its secret, and retries for a day when the receiver fails.</source>
        <translation>Signoff sendet die Ereignisse, die ein Endpunkt abonniert, an seine URL, signiert mit seinem Geheimnis, und versucht es einen Tag lang erneut, wenn der Empfänger scheitert.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Select a webhook to see its deliveries.</source>
        <translation>Wählen Sie einen Webhook, um seine Zustellungen zu sehen.</translation>
    </message>
    <message>
        <source>Deliveries to %1 (newest first)</source>
        <translation>Zustellungen an %1 (neueste zuerst)</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Wird wiederholt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Registered the webhook %1.</source>
        <translation>Der Webhook %1 ist registriert.</translation>
    </message>
    <message>
        <source>The webhook %1 is active again.</source>
        <translation>Der Webhook %1 ist wieder aktiv.</translation>
    </message>
    <message>
        <source>The webhook %1 is paused: nothing is sent to it.</source>
        <translation>Der Webhook %1 ist pausiert: Es wird nichts an ihn gesendet.</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <source>Delete the webhook %1? Nothing more is sent to it, and its delivery log goes too.</source>
        <translation>Den Webhook %1 löschen? Es wird nichts mehr an ihn gesendet, und sein Zustellprotokoll wird ebenfalls gelöscht.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted the webhook %1.</source>
        <translation>Der Webhook %1 ist gelöscht.</translation>
    </message>
    <message>
        <source>The %1 delivery is queued to be sent again.</source>
        <translation>Die Zustellung %1 wird erneut gesendet.</translation>
    </message>
    <message>
        <source>Someone else changed or deleted this webhook meanwhile. Refresh to see it as it is.</source>
        <translation>Jemand anderes hat diesen Webhook inzwischen geändert oder gelöscht. Aktualisieren Sie, um ihn im jetzigen Zustand zu sehen.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
</context>
<context>
    <name>signoff::WorkItemForm</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Eigentümer:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Angelegt:</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>New, not saved yet</source>
        <translation>Neu, noch nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>‘%1’ is now %2.</source>
        <translation>„%1“ ist jetzt %2.</translation>
    </message>
    <message>
        <source>Approvals:</source>
        <translation>Genehmigungen:</translation>
    </message>
    <message>
        <source>Rejection</source>
        <translation>Ablehnung</translation>
    </message>
    <message>
        <source>Co&amp;mments</source>
        <translation>Ko&amp;mmentare</translation>
    </message>
    <message>
        <source>Co&amp;mments (%1)</source>
        <translation>Ko&amp;mmentare (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Rejected by %1 on %2: %3</source>
        <translation>Abgelehnt von %1 am %2: %3</translation>
    </message>
</context>
<context>
    <name>signoff::client::EventStream</name>
    <message>
        <source>The server sent a line longer than %1 bytes.</source>
        <translation>Der Server hat eine Zeile mit mehr als %1 Bytes gesendet.</translation>
    </message>
    <message>
        <source>The server&apos;s event stream went quiet.</source>
        <translation>Der Ereignisstrom des Servers ist verstummt.</translation>
    </message>
</context>
</TS>
