#pragma once

// Shared by the fuzz_ targets: the application object Qt needs, a quiet but real message
// handler, and the length-prefixed frames several targets read from one input.

#include <cstddef>
#include <cstdint>

#include <QByteArray>
#include <QList>

namespace Pterodisbot::Fuzz {

//! Creates the QCoreApplication once and installs a message handler that formats and redacts
//! every line like the bot's own (so that code is fuzzed too) and then drops it, so that a
//! run prints libFuzzer's figures only.
void setUp();

//! The input as a whole.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

//! One frame of an input split by splitFrames().
struct Frame
{
    bool flag = false; //!< the high bit of the length (e.g. binary rather than text)
    QByteArray bytes;
};

//! Splits \a input into frames, each a two-byte big-endian length (high bit: Frame::flag,
//! low 15 bits: the length) and that many bytes; a short last frame takes what is left.
//! tests/fuzz/make_corpus.py writes seeds in this form.
QList<Frame> splitFrames(const QByteArray &input);

} // namespace Pterodisbot::Fuzz
