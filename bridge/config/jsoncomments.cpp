#include "config/jsoncomments.h"

namespace Bridge {

QByteArray stripJsonComments(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        const char next = i + 1 < text.size() ? text.at(i + 1) : '\0';
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < text.size()) {
                out.append(next);
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
            out.append(c);
        } else if (c == '/' && next == '/') {
            while (i < text.size() && text.at(i) != '\n')
                ++i;
            out.append('\n');
        } else if (c == '/' && next == '*') {
            i += 2;
            while (i + 1 < text.size() && !(text.at(i) == '*' && text.at(i + 1) == '/'))
                ++i;
            ++i; // skip the closing '/'
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace Bridge
