// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MigrationFile.h"

#include <QRegularExpression>

namespace signoff {

namespace {

// PostgreSQL truncates identifiers (and so dollar-quote tags) at 63 bytes;
// the cap also keeps the search for the closing tag linear.
constexpr qsizetype maxDollarTagLength = 63;
constexpr qsizetype maxVersionLength = 255; // schema_migrations.version is VARCHAR(255)

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_' || c.unicode() >= 0x80;
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c.unicode() >= 0x80;
}

bool isDollarTagPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.unicode() >= 0x80;
}

bool isHorizontalSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\f' || c == u'\v';
}

bool equalsKeyword(QStringView word, const char *keyword)
{
    return word.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
}

int lineOf(QStringView text, qsizetype position)
{
    return int(text.left(qMin(position, text.size())).count(u'\n')) + 1;
}

Error migrationError(const char *source, QStringList arguments)
{
    return Error{ErrorKind::Invalid, QStringLiteral("migration-file"), Message(source, std::move(arguments)), {}, 0};
}

// Walks SQL text once and hands out statements and line comments that start
// their line (where the migration file's markers live). Everything that may
// contain a ';' or a marker-like line without ending a statement (strings,
// quoted identifiers, comments, dollar-quoted and BEGIN...END bodies) is
// skipped as a whole.
class Scanner
{
public:
    enum class Kind { Statement, LineComment, End };
    struct Token
    {
        Kind kind = Kind::End;
        qsizetype position = 0; // where the statement or comment starts
        QString text;           // the statement (trimmed), or the comment after "--" (trimmed)
    };

    Scanner(QStringView text, SqlDialect dialect, QString name)
        : m_text(text)
        , m_dialect(dialect)
        , m_name(std::move(name))
    {
        if (m_text.startsWith(QChar(0xFEFF)))
            m_position = 1;
    }

    Result<Token> next()
    {
        while (m_position < m_text.size()) {
            const QChar c = m_text[m_position];
            const QChar following = peek(1);
            if (c.isSpace()) {
                ++m_position;
            } else if (c == u'-' && following == u'-') {
                const qsizetype start = m_position;
                const bool startsLine = startsItsLine(start);
                qsizetype end = m_text.indexOf(u'\n', start);
                if (end < 0)
                    end = m_text.size();
                m_position = end;
                if (startsLine)
                    return Token{Kind::LineComment, start, m_text.mid(start + 2, end - start - 2).trimmed().toString()};
            } else if (c == u'/' && following == u'*') {
                if (auto skipped = skipBlockComment(); !skipped)
                    return skipped.error();
            } else if (c == u';') {
                ++m_position;
                if (m_statementStart < 0)
                    continue; // an empty statement
                if (m_depth > 0)
                    continue; // inside BEGIN ... END
                return Token{Kind::Statement, m_statementStart, takeStatement(m_position - 1)};
            } else {
                if (m_statementStart < 0)
                    startStatement();
                if (auto skipped = skipToken(); !skipped)
                    return skipped.error();
            }
        }
        if (m_statementStart >= 0) {
            auto pending = takePendingStatement(m_text.size());
            if (!pending)
                return pending.error();
            return Token{Kind::Statement, pending->position, pending->text};
        }
        return Token{Kind::End, m_text.size(), QString()};
    }

    // Ends the statement in progress at `end` (its ';' may be missing before
    // a marker or the end of the text). Fails inside an open BEGIN ... END
    // body, where stopping would cut the statement in half.
    Result<Token> takePendingStatement(qsizetype end)
    {
        if (m_statementStart < 0)
            return Token{Kind::End, m_position, QString()};
        if (m_depth > 0)
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1, line %2: the BEGIN … END body is not closed."),
                                  {m_name, QString::number(lineOf(m_text, m_blockStart))});
        const qsizetype start = m_statementStart;
        return Token{Kind::Statement, start, takeStatement(end)};
    }

    int line(qsizetype position) const { return lineOf(m_text, position); }

private:
    QChar peek(qsizetype offset) const
    {
        const qsizetype at = m_position + offset;
        return at < m_text.size() ? m_text[at] : QChar();
    }

    bool startsItsLine(qsizetype position) const
    {
        qsizetype at = position;
        while (at > 0 && isHorizontalSpace(m_text[at - 1]))
            --at;
        return at == 0 || m_text[at - 1] == u'\n' || (at == 1 && m_text[0] == QChar(0xFEFF));
    }

    void startStatement()
    {
        m_statementStart = m_position;
        m_wordCount = 0;
        m_startsWithCreate = false;
        m_hasBodies = false;
        m_depth = 0;
    }

    QString takeStatement(qsizetype end)
    {
        QString statement = m_text.mid(m_statementStart, end - m_statementStart).trimmed().toString();
        m_statementStart = -1;
        m_depth = 0;
        return statement;
    }

    Error unterminated(const char *source, qsizetype start) const
    {
        return migrationError(source, {m_name, QString::number(lineOf(m_text, start))});
    }

    Result<void> skipBlockComment()
    {
        const qsizetype start = m_position;
        m_position += 2;
        // PostgreSQL nests block comments; SQLite ends one at the first "*/".
        int nesting = 1;
        while (m_position < m_text.size()) {
            const QChar c = m_text[m_position];
            const QChar following = peek(1);
            if (c == u'*' && following == u'/') {
                m_position += 2;
                if (--nesting == 0)
                    return {};
            } else if (c == u'/' && following == u'*' && m_dialect == SqlDialect::Postgresql) {
                m_position += 2;
                ++nesting;
            } else {
                ++m_position;
            }
        }
        return unterminated(QT_TRANSLATE_NOOP("Core", "%1, line %2: the /* comment is not closed."), start);
    }

    Result<void> skipToken()
    {
        const QChar c = m_text[m_position];
        if (c == u'\'')
            return skipQuoted(u'\'', false, QT_TRANSLATE_NOOP("Core", "%1, line %2: the string is not closed."));
        if (c == u'"')
            return skipQuoted(u'"', false, QT_TRANSLATE_NOOP("Core", "%1, line %2: the quoted identifier is not closed."));
        if (m_dialect == SqlDialect::Sqlite) {
            if (c == u'`')
                return skipQuoted(u'`', false, QT_TRANSLATE_NOOP("Core", "%1, line %2: the quoted identifier is not closed."));
            if (c == u'[')
                return skipBracketIdentifier();
        }
        if (m_dialect == SqlDialect::Postgresql && c == u'$')
            return skipDollar();
        if (isIdentifierStart(c))
            return skipWord();
        if (c.isDigit()) {
            while (m_position < m_text.size() && isIdentifierPart(m_text[m_position]))
                ++m_position;
            return {};
        }
        ++m_position;
        return {};
    }

    // A quoted run ending at `quote`, where a doubled quote stands for itself
    // and, for PostgreSQL's E'...' strings, a backslash escapes any character.
    Result<void> skipQuoted(QChar quote, bool backslashEscapes, const char *unterminatedMessage)
    {
        const qsizetype start = m_position;
        ++m_position;
        while (m_position < m_text.size()) {
            const QChar c = m_text[m_position];
            if (backslashEscapes && c == u'\\') {
                m_position += 2;
            } else if (c == quote) {
                ++m_position;
                if (peek(0) != quote)
                    return {};
                ++m_position;
            } else {
                ++m_position;
            }
        }
        m_position = m_text.size();
        return unterminated(unterminatedMessage, start);
    }

    Result<void> skipBracketIdentifier()
    {
        const qsizetype start = m_position;
        const qsizetype end = m_text.indexOf(u']', m_position + 1);
        if (end < 0) {
            m_position = m_text.size();
            return unterminated(QT_TRANSLATE_NOOP("Core", "%1, line %2: the quoted identifier is not closed."), start);
        }
        m_position = end + 1;
        return {};
    }

    // $tag$ ... $tag$ (tag possibly empty), or a $1 parameter, or a lone '$'.
    Result<void> skipDollar()
    {
        const qsizetype start = m_position;
        qsizetype at = start + 1;
        if (at < m_text.size() && m_text[at].isDigit()) {
            while (at < m_text.size() && m_text[at].isDigit())
                ++at;
            m_position = at;
            return {};
        }
        if (at < m_text.size() && isIdentifierStart(m_text[at])) {
            while (at < m_text.size() && isDollarTagPart(m_text[at]))
                ++at;
        }
        if (at >= m_text.size() || m_text[at] != u'$') {
            m_position = start + 1;
            return {};
        }
        const qsizetype tagLength = at - start - 1;
        if (tagLength > maxDollarTagLength)
            return unterminated(QT_TRANSLATE_NOOP("Core", "%1, line %2: the dollar-quote tag is too long."), start);
        const QStringView delimiter = m_text.mid(start, tagLength + 2);
        const qsizetype close = m_text.indexOf(delimiter, at + 1);
        if (close < 0) {
            m_position = m_text.size();
            return unterminated(QT_TRANSLATE_NOOP("Core", "%1, line %2: the dollar-quoted body is not closed."), start);
        }
        m_position = close + delimiter.size();
        return {};
    }

    Result<void> skipWord()
    {
        const qsizetype start = m_position;
        while (m_position < m_text.size() && isIdentifierPart(m_text[m_position]))
            ++m_position;
        const QStringView word = m_text.mid(start, m_position - start);
        if (m_dialect == SqlDialect::Postgresql && word.size() == 1 && (word[0] == u'E' || word[0] == u'e')
            && peek(0) == u'\'') {
            return skipQuoted(u'\'', true, QT_TRANSLATE_NOOP("Core", "%1, line %2: the string is not closed."));
        }
        noteWord(word, start);
        return {};
    }

    // Bodies with semicolons of their own: SQLite's CREATE TRIGGER ... BEGIN
    // ...; END and PostgreSQL's CREATE FUNCTION/PROCEDURE ... BEGIN ATOMIC
    // ...; END. Inside such statements BEGIN and CASE open a level and END
    // closes one; elsewhere the words mean nothing to the splitter.
    void noteWord(QStringView word, qsizetype position)
    {
        ++m_wordCount;
        if (m_wordCount == 1) {
            m_startsWithCreate = equalsKeyword(word, "CREATE");
            return;
        }
        if (m_startsWithCreate && !m_hasBodies && m_wordCount <= 4) {
            m_hasBodies = m_dialect == SqlDialect::Sqlite
                ? equalsKeyword(word, "TRIGGER")
                : equalsKeyword(word, "FUNCTION") || equalsKeyword(word, "PROCEDURE");
            return;
        }
        if (!m_hasBodies)
            return;
        if (equalsKeyword(word, "BEGIN") || equalsKeyword(word, "CASE")) {
            if (m_depth == 0)
                m_blockStart = position;
            ++m_depth;
        } else if (equalsKeyword(word, "END") && m_depth > 0) {
            --m_depth;
        }
    }

    QStringView m_text;
    SqlDialect m_dialect;
    QString m_name;
    qsizetype m_position = 0;

    qsizetype m_statementStart = -1;
    int m_wordCount = 0;
    bool m_startsWithCreate = false;
    bool m_hasBodies = false;
    int m_depth = 0;
    qsizetype m_blockStart = 0;
};

enum class Marker { None, Up, Down };

Marker markerOf(const QString &comment)
{
    if (comment.compare(QLatin1String("Up"), Qt::CaseInsensitive) == 0)
        return Marker::Up;
    if (comment.compare(QLatin1String("Down"), Qt::CaseInsensitive) == 0)
        return Marker::Down;
    return Marker::None;
}

QString baseName(const QString &fileName)
{
    const qsizetype slash = fileName.lastIndexOf(u'/');
    return slash < 0 ? fileName : fileName.mid(slash + 1);
}

// Reads a migration file's tokens into its statements: first the header
// line that names the file, then comments, "-- Up" and its statements, "-- Down"
// and its statements.
class MigrationReader
{
public:
    MigrationReader(const QString &file, QStringView text, SqlDialect dialect)
        : m_file(file)
        , m_scanner(text, dialect, file)
    {
        m_migration.version = file.left(file.size() - 4);
    }

    Result<Migration> read()
    {
        while (true) {
            auto token = m_scanner.next();
            if (!token)
                return token.error();
            if (m_section == Section::Header) {
                if (auto header = readHeader(*token); !header)
                    return header.error();
                continue;
            }
            if (token->kind == Scanner::Kind::End)
                break;
            if (auto read = readBody(*token); !read)
                return read.error();
        }
        return finish();
    }

private:
    enum class Section { Header, Preamble, Up, Down };

    // Counted only for a message: counting for every token would be quadratic.
    QString lineNumber(const Scanner::Token &token) const { return QString::number(m_scanner.line(token.position)); }

    Result<void> readHeader(const Scanner::Token &token)
    {
        static const QString headerPrefix = QStringLiteral("Migration:");
        if (token.kind != Scanner::Kind::LineComment || !token.text.startsWith(headerPrefix))
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1 does not start with the line “-- Migration: %1”."), {m_file});
        const QString named = token.text.mid(headerPrefix.size()).trimmed();
        if (named != m_file)
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1, line %2: the header names ‘%3’ instead of the file itself."),
                                  {m_file, lineNumber(token), named});
        m_section = Section::Preamble;
        return {};
    }

    Result<void> readBody(const Scanner::Token &token)
    {
        if (token.kind == Scanner::Kind::Statement)
            return addStatement(token);
        const Marker marker = markerOf(token.text);
        if (marker == Marker::None)
            return {};
        // A marker ends the statement before it, even without its ';'.
        auto pending = m_scanner.takePendingStatement(token.position);
        if (!pending)
            return pending.error();
        if (pending->kind == Scanner::Kind::Statement) {
            if (auto added = addStatement(*pending); !added)
                return added;
        }
        return marker == Marker::Up ? startUp(token) : startDown(token);
    }

    Result<void> addStatement(const Scanner::Token &statement)
    {
        if (m_section == Section::Preamble)
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1, line %2: SQL before the “-- Up” line."),
                                  {m_file, lineNumber(statement)});
        (m_section == Section::Up ? m_migration.up : m_migration.down).append(statement.text);
        return {};
    }

    Result<void> startUp(const Scanner::Token &marker)
    {
        if (m_section != Section::Preamble)
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1, line %2: a second “-- Up” line."), {m_file, lineNumber(marker)});
        m_section = Section::Up;
        return {};
    }

    Result<void> startDown(const Scanner::Token &marker)
    {
        if (m_sawDown)
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1, line %2: a second “-- Down” line."), {m_file, lineNumber(marker)});
        if (m_section == Section::Preamble)
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1, line %2: “-- Down” comes before “-- Up”."),
                                  {m_file, lineNumber(marker)});
        m_section = Section::Down;
        m_sawDown = true;
        return {};
    }

    // What the whole file must have had.
    Result<Migration> finish()
    {
        if (m_section == Section::Header)
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1 does not start with the line “-- Migration: %1”."), {m_file});
        if (m_section == Section::Preamble)
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1 has no “-- Up” line."), {m_file});
        if (!m_sawDown)
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1 has no “-- Down” line."), {m_file});
        if (m_migration.up.isEmpty())
            return migrationError(QT_TRANSLATE_NOOP("Core", "%1: the Up section has no statements."), {m_file});
        return m_migration;
    }

    const QString m_file;
    Scanner m_scanner;
    Migration m_migration;
    Section m_section = Section::Header;
    bool m_sawDown = false;
};

} // namespace

Result<Migration> parseMigrationFile(const QString &fileName, QStringView text, SqlDialect dialect)
{
    const QString file = baseName(fileName);
    static const QRegularExpression validName(QStringLiteral("^[0-9]{8}[0-9]*_[A-Za-z0-9_]+\\.sql$"));
    if (!validName.match(file).hasMatch() || file.size() - 4 > maxVersionLength)
        return migrationError(QT_TRANSLATE_NOOP("Core", "The migration file name ‘%1’ is not of the form YYYYMMDD_name.sql."), {file});
    return MigrationReader(file, text, dialect).read();
}

Result<QStringList> splitSqlStatements(QStringView sql, SqlDialect dialect, const QString &name)
{
    Scanner scanner(sql, dialect, name.isEmpty() ? QStringLiteral("SQL") : name);
    QStringList statements;
    while (true) {
        auto token = scanner.next();
        if (!token)
            return token.error();
        if (token->kind == Scanner::Kind::End)
            return statements;
        if (token->kind == Scanner::Kind::Statement)
            statements.append(token->text);
    }
}

} // namespace signoff
