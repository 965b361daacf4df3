<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Connection</name>
    <message>
        <source>Enter the server’s address, such as https://signoff.example.org:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an address such as https://signoff.example.org:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server’s address only: scheme, host and port.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>The input is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed this item; reload it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name can be at most %1 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name cannot contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options can be at most %1 KiB of JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name can be at most %1 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name can only contain lower-case letters a–z, digits, dots, underscores and hyphens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The display name can be at most %1 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The display name cannot contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must be at least %1 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password can be at most %1 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a SKU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SKU can be at most %1 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SKU can only contain letters A–Z, digits, dots, underscores and hyphens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a product name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product name can be at most %1 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product name cannot contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price can be at most %1 cents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note can be at most %1 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note cannot contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment can be at most %1 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment cannot contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for the rejection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason can be at most %1 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason cannot contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order can have at most %1 lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options are not valid JSON: %1 at character %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options must be a JSON object: {&quot;key&quot;: value, ...}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the owner can submit this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the owner can revise this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody may approve or reject an item they own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only reviewers and administrators can approve or reject items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An item in status ‘%1’ cannot be given ‘%2’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the owner or an administrator can change this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only drafts can be changed; this item is ‘%1’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the owner or an administrator can delete this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only drafts can be deleted; this item is ‘%1’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 on %2 is busy: another program is listening there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The REST server did not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only reviewers and administrators can read the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown entity type ‘%1’; use feature, order, product or user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is not valid; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed sign-ins; try again in %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token has expired; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A feature named ‘%1’ already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one line before submitting the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product ‘%1’ is no longer available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order total is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators can change products.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A product with SKU ‘%1’ already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders use the product ‘%1’; deactivate it instead of deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators can manage users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users can be sorted by name, creation or last change only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user named ‘%1’ already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signoff already has users; sign in instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ is the last administrator; make someone else administrator first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not available; try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt SQL driver for this database is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy; try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder ‘%1’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database URL is not a valid URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL has no host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL has an invalid port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL must name one database: postgresql://USER:PASSWORD@HOST:PORT/DB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown PostgreSQL URL option ‘%1’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL option ‘%1’ has an invalid value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database URL is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported database URL ‘%1’: use a file path, sqlite:PATH or postgresql://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite URL has no file path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database path contains a NUL character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cursor is not valid; start again from the first page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the BEGIN … END body is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the /* comment is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the string is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the quoted identifier is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the dollar-quote tag is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the dollar-quoted body is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The migration file name ‘%1’ is not of the form YYYYMMDD_name.sql.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not start with the line “-- Migration: %1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the header names ‘%3’ instead of the file itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: SQL before the “-- Up” line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: a second “-- Up” line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: a second “-- Down” line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: “-- Down” comes before “-- Up”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no “-- Up” line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no “-- Down” line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the Up section has no statements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 failed at statement %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This program has no migrations for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the migration %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database schema (%1) is newer than this program; upgrade Signoff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of migration steps must not be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 cannot be reverted: its Down section is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup copies SQLite databases; use pg_dump for PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file ‘%1’ already exists; the backup does not overwrite files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder ‘%1’ does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup cannot run inside a transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the backup ‘%1’: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file ‘%1’ is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk that holds the database is full; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written (it is read-only); nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of approvals must be between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch holds between 1 and %1 items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A policy can have at most %1 thresholds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total must be between 0 and %1 cents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thresholds must be in ascending order of their totals, each above the one before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the owner can withdraw this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already approved this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item has %1 comments, as many as it can have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators can change the approval policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log did not record the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The approval policy is missing from the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The approval policy in the database cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators can verify the audit log.</source>
        <translation></translation>
    </message>
    <message>
        <source>The operation was interrupted; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer is not what Signoff expects (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server creates its administrator when it first starts; sign in instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A decision must name the version it is about; reload the item and decide again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text cannot contain direction controls such as U+202E.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text cannot consist of invisible characters only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options cannot contain NUL characters (U+0000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text cannot contain NUL characters (U+0000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many sign-ins at once; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of days must be a whole number between 1 and %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter the URL to send events to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A URL may have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A URL may not contain spaces or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an absolute URL such as https://example.com/hook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webhook URL may not carry a user name or password; the signature authenticates Signoff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webhook URL may not have a fragment (#...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one event type, e.g. feature.approved or order.*.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An endpoint may name at most %1 event types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ is not an event type; use one such as feature.approved, order.* or *.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host ‘%1’ could not be resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ resolves to %2, a reserved address that cannot receive webhooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ resolves to %2, a %3 address; webhooks go to public addresses unless the server runs with --allow-private-webhooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ resolves to an address that is not loopback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// is allowed only for loopback (127.0.0.1, [::1], localhost); use https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such webhook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This webhook has no such delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators can manage webhooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer does not trust the certificate of %1 (%2). Its SHA-256 fingerprint is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 presented a different certificate from the one you trusted, so Signoff did not connect: someone may be intercepting the connection, or the server&apos;s certificate was replaced. Trusted: %2. Presented: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only features and orders have comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1 (check the path).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist (check the path, or create the folder first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a server&apos;s sessions can be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session is kept for this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is not available (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name &quot;me&quot; is reserved; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products can be sorted by name, creation or last change only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cursor belongs to a list in another order; start again from the first page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>In the last %n day(s): %1 approved, %2 rejected.</source>
        <translation>
            <numerusform>In the last day: %1 approved, %2 rejected.</numerusform>
            <numerusform>In the last %n days: %1 approved, %2 rejected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardFigures</name>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>A day on the dashboard&apos;s charts and tables (QDate format: &quot;6 Dec&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>Signoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ is not an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revising…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rest</name>
    <message>
        <source>Sign in first: send Authorization: Bearer TOKEN with a token from POST /api/v1/auth/token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests; try again in %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such resource.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use draft, pending, approved or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This must be a whole number between -%1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This must be an array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This must be an id such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is unknown; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at byte %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body must be a JSON object: {&quot;name&quot;: value, ...}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If-Match must be the version&apos;s entity tag from ETag, for example &quot;3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This query parameter is unknown; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit must be a whole number between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use requester, reviewer or admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body names the field ‘%1’ more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This must be UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use approve, reject, submit or withdraw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text cannot contain NUL characters (U+0000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many sign-ins from this address; try again in %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number %1 cannot be kept exactly: use a whole number of at most 64 bits, a number of at most 15 significant digits, or a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by one of %1, with &quot;-&quot; in front for descending order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this query parameter once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::AuditListModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::AuditPage</name>
    <message>
        <source>Actor’s user name, exactly (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event matches the search or filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::CommentThread</name>
    <message>
        <source>No comments yet. Anyone may ask or remark here, in any status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::DashboardPage</name>
    <message>
        <source>Show figures as &amp;tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the numbers behind each chart as a table, for screen readers and exact figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items by status, chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions per day, chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the dashboard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::DesktopController</name>
    <message>
        <source>You will sign in again next time: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::EntityForm</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this item; the form now shows the current version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this item while you were editing it. Reload to see their changes (yours will be discarded), or copy your edits first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item was deleted; it can no longer be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::FeatureForm</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the feature is called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::HistoryText</name>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: needs %n approval(s)</source>
        <translation>
            <numerusform>%1: needs %n approval</numerusform>
            <numerusform>%1: needs %n approvals</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; approvals dropped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: added %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: removed (was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::ItemListModel</name>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::ItemsPage</name>
    <message>
        <source>Search names and notes (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search feature names (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search order notes (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches the search or filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no features or orders yet.
Create one with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting for your review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no features yet.
Create one with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no orders yet.
Create one with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the draft ‘%1’? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n drafts? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n draft? This cannot be undone.</numerusform>
            <numerusform>Delete %n drafts? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some drafts could not be deleted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n draft(s).</source>
        <translation>
            <numerusform>Deleted %n draft.</numerusform>
            <numerusform>Deleted %n drafts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approved %n item(s).</source>
        <translation>
            <numerusform>Approved %n item.</numerusform>
            <numerusform>Approved %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n item(s).</source>
        <translation>
            <numerusform>Rejected %n item.</numerusform>
            <numerusform>Rejected %n items.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::ListPage</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the first %L1 rows to %2 (an export stops there).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln row to %1.</numerusform>
            <numerusform>Exported %Ln rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>signoff::LoginDialog</name>
    <message>
        <source>Sign in to Signoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator’s user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator’s display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, such as your full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Signoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator: the first person who can sign in, add other users and manage the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signoff server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unencrypted connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on this computer and does not use HTTPS: your password and the data would cross the network unencrypted, readable and changeable by anyone on the way.

Connect anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the new certificate only if the server&apos;s administrator tells you it was replaced and its fingerprint matches the one they give you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one the server&apos;s administrator gives you. If they match, Signoff can trust this certificate for this server from now on, and will refuse any other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the &amp;new certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tay signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the session in the system keyring, so that the next start signs in by itself. Signing out ends it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::MainWindow</name>
    <message>
        <source>Signoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item of this page’s kind (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected item (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected drafts (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Signoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The REST server is off. Turn it on in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The REST API is served at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST: port %1 busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program uses port %1. Choose another port in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST: not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open form(s) have changes that are not saved. Discard them?</source>
        <translation>
            <numerusform>%n open form has changes that are not saved. Discard them?</numerusform>
            <numerusform>%n open forms have changes that are not saved. Discard them?</numerusform>
        </translation>
    </message>
    <message>
        <source>About Signoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator disabled your account; you have been signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role is now %1. Sign out and in again to see its pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Signoff %1&lt;/h3&gt;&lt;p&gt;An approval desk: create features and orders, submit them, and let reviewers approve or reject them. The same data is served as a REST API.&lt;/p&gt;&lt;p&gt;Copyright 2026 The Signoff authors. Signoff is free software under the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt;; it comes with no warranty.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server — retrying. Open forms keep their edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the page again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the list as shown as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or more items wait for your review</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) wait for your review</source>
        <translation>
            <numerusform>%n item waits for your review</numerusform>
            <numerusform>%n items wait for your review</numerusform>
        </translation>
    </message>
    <message>
        <source>Signoff (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signoff: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signoff: nothing waits for your review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the selected items (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the selected items, with a reason (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::OptionsEditor</name>
    <message>
        <source>&amp;Add option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a key in row %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key ‘%1’ appears more than once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::OrderForm</name>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the order is for (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::OrderLinesEditor</name>
    <message>
        <source>&amp;Add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product of line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity of line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) — no longer on sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::PasswordFields</name>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::PoliciesPage</name>
    <message>
        <source>&amp;Save policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many different reviewers must approve an item before it is approved. The number is fixed when an item is submitted: changing the policy never alters items already waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the policy while you were editing it. Reload to see theirs (yours will be discarded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the policy since it was loaded. Reload to see theirs (yours will be discarded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The approval policy is saved; items submitted from now on follow it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::PolicyEditor</name>
    <message>
        <source>&amp;Add threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals a feature needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals an order needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thresholds by order total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order total at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals a &amp;feature needs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals an &amp;order needs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order whose total reaches a threshold needs that threshold&apos;s number instead (the highest threshold reached counts). Items take the number when they are submitted; changing the policy leaves items already pending as they are.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::ProductForm</name>
    <message>
        <source>On sale: can be chosen for new orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SKU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1, created %2, updated %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::ProductListModel</name>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::ProductsPage</name>
    <message>
        <source>Search SKU and name (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the product ‘%1’? A product that orders use cannot be deleted; take it off sale instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the product ‘%1’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product matches the search or filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue is empty.
Add a product with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue is empty. An administrator adds products.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::RestBackend</name>
    <message>
        <source>Your session on the server has ended; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request took too long or its answer was too large</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::ResultsDialog</name>
    <message>
        <source>%1: results</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n items were changed.</source>
        <translation>
            <numerusform>The item was changed.</numerusform>
            <numerusform>All %n items were changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 items were changed; %3 could not be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::ReviewDialog</name>
    <message>
        <source>Reject ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reject %n items</source>
        <translation>
            <numerusform>Reject %n item</numerusform>
            <numerusform>Reject %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Approve %n items</source>
        <translation>
            <numerusform>Approve %n item</numerusform>
            <numerusform>Approve %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Why is it rejected? The owner sees this reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a comment for the owner (optional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>‘%1’ could not be changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::ReviewNotifications</name>
    <message>
        <source>an order of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ was approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ by %2 waits for your review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ was rejected by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 commented on ‘%2’: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::SettingsDialog</name>
    <message>
        <source>&amp;Serve the REST API while this window is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a numeric IP address, such as 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The REST API is off. Scripts and other programs cannot reach Signoff through this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only programs on this computer can reach the API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other computers on the network can reach the API; they still need a user’s token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;notifications: items that wait for my review, and decisions and comments on my items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the search field to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm a comment or a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::TableModel</name>
    <message>
        <source>Click to sort by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::UserForm</name>
    <message>
        <source>Disabled: cannot sign in, API tokens stop working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower-case letters, digits, . _ -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1, created %2, last sign-in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::UserListModel</name>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::UsersPage</name>
    <message>
        <source>Search user and display names (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user matches the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::WaitingTimesTiles</name>
    <message>
        <source>Submission to decision, median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No decisions in the last %n day(s).</source>
        <translation>
            <numerusform>No decisions in the last day.</numerusform>
            <numerusform>No decisions in the last %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>90th percentile %1, longest %2; %n decision(s) in the last %3 days.</source>
        <translation>
            <numerusform>90th percentile %1, longest %2; %n decision in the last %3 days.</numerusform>
            <numerusform>90th percentile %1, longest %2; %n decisions in the last %3 days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is waiting for a review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median %1, 90th percentile %2, oldest %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::WebhookDialog</name>
    <message>
        <source>&amp;Active: send deliveries to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feature.approved
order.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One event type per line or comma separated; “order.*” means every order event, “*” every event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook is registered. This is its signing secret; receivers use it to check the webhook-signature header. &lt;b&gt;It is shown only now&lt;/b&gt;: copy it and keep it safe. If it is lost, delete the webhook and register it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::WebhooksPage</name>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redeliver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the webhooks and the delivery log again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected delivery again, with a fresh day of retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signoff sends the events an endpoint asks for to its URL, signed with its secret, and retries for a day when the receiver fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a webhook to see its deliveries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries to %1 (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered the webhook %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook %1 is active again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook %1 is paused: nothing is sent to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the webhook %1? Nothing more is sent to it, and its delivery log goes too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the webhook %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 delivery is queued to be sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed or deleted this webhook meanwhile. Refresh to see it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::WorkItemForm</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New, not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mments (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff::client::EventStream</name>
    <message>
        <source>The server sent a line longer than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s event stream went quiet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
