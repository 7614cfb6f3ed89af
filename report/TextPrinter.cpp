//===- TextPrinter.cpp - file:line:col: severity: message [rule] + caret ---===//
#include "report/Printers.h"

#include <llvm/Support/Unicode.h>

namespace oosc::report {
namespace {

llvm::raw_ostream::Colors severityColor(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return llvm::raw_ostream::RED;
  case Severity::Warning:
    return llvm::raw_ostream::MAGENTA;
  case Severity::Note:
    return llvm::raw_ostream::CYAN;
  }
  return llvm::raw_ostream::RED;
}

/// Display width of a piece of a line: wide (CJK) characters take two cells,
/// tabs are kept as tabs so the caret lines up under them.
std::string padFor(std::string_view prefix) {
  std::string pad;
  for (size_t i = 0; i < prefix.size();) {
    unsigned char c = static_cast<unsigned char>(prefix[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    length = std::min(length, prefix.size() - i);
    if (c == '\t') {
      pad += '\t';
    } else {
      int width = llvm::sys::unicode::columnWidthUTF8(llvm::StringRef(prefix.data() + i, length));
      pad.append(width > 0 ? width : 1, ' ');
    }
    i += length;
  }
  return pad;
}

int widthOf(std::string_view text) {
  int width = llvm::sys::unicode::columnWidthUTF8(llvm::StringRef(text.data(), text.size()));
  return width > 0 ? width : static_cast<int>(text.size());
}

class TextPrinter {
public:
  TextPrinter(bool color, llvm::raw_ostream &out) : color_(color), out_(out) {}

  void print(const driver::FileReport &report) {
    for (const Diagnostic &diagnostic : report.diagnostics) {
      printHeader(*report.file, diagnostic.range, diagnostic.severity, diagnostic.message,
                  ruleInfo(diagnostic.rule).name);
      printSnippet(*report.file, diagnostic.range);
      for (const DiagnosticNote &note : diagnostic.notes) {
        printHeader(*report.file, note.range.value_or(diagnostic.range), Severity::Note,
                    note.message, "");
        if (note.range)
          printSnippet(*report.file, *note.range);
      }
    }
  }

private:
  void printHeader(const SourceFile &file, SourceRange range, Severity severity,
                   const std::string &message, std::string_view rule) {
    LineColumn start = file.lineColumn(range.begin);
    bold();
    out_ << file.path() << ':' << start.line << ':' << start.column << ": ";
    reset();
    if (color_)
      out_.changeColor(severityColor(severity), true);
    out_ << severityName(severity) << ": ";
    reset();
    bold();
    out_ << message;
    reset();
    if (!rule.empty())
      out_ << " [" << rule << ']';
    out_ << '\n';
  }

  void printSnippet(const SourceFile &file, SourceRange range) {
    if (file.text().empty())
      return;
    LineColumn start = file.lineColumn(range.begin);
    std::string_view line = file.lineText(start.line);
    uint32_t lineBegin = file.lineStart(start.line);
    size_t startByte = std::min<size_t>(range.begin - lineBegin, line.size());
    size_t endByte = std::min<size_t>(std::max(range.end, range.begin) - lineBegin, line.size());
    out_ << line << '\n';
    std::string marker = padFor(line.substr(0, startByte)) + '^';
    int underline = endByte > startByte ? widthOf(line.substr(startByte, endByte - startByte)) - 1 : 0;
    if (underline > 0)
      marker.append(underline, '~');
    if (color_)
      out_.changeColor(llvm::raw_ostream::GREEN, true);
    out_ << marker;
    reset();
    out_ << '\n';
  }

  void bold() {
    if (color_)
      out_.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  }
  void reset() {
    if (color_)
      out_.resetColor();
  }

  bool color_;
  llvm::raw_ostream &out_;
};

} // namespace

void printText(const std::vector<driver::FileReport> &reports, bool color, llvm::raw_ostream &out) {
  TextPrinter printer(color, out);
  for (const driver::FileReport &report : reports)
    printer.print(report);
}

} // namespace oosc::report
