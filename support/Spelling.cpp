//===- Spelling.cpp ---------------------------------------------------------===//
#include "support/Spelling.h"

#include <algorithm>
#include <cctype>

namespace oosc {

static char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i]))
      return false;
  return true;
}

std::string foldCase(std::string_view text) {
  std::string result(text);
  for (char &c : result)
    c = lower(c);
  return result;
}

size_t editDistanceIgnoreCase(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus swapping two neighbours,
  // the commonest typo ("Valeu" for "Value").
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i)
    d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j)
    d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::optional<std::string> suggestName(std::string_view name,
                                       const std::vector<std::string_view> &candidates) {
  // A third of the name's length, at least 1 and at most 3 edits: close enough
  // to be a typo, far enough not to suggest unrelated short names.
  size_t limit = std::clamp<size_t>(name.size() / 3, 1, 3);
  std::optional<std::string> best;
  size_t bestDistance = limit + 1;
  for (std::string_view candidate : candidates) {
    // The distance is at least the difference in length: most of a long
    // list (an API's 900 names) is ruled out without a matrix.
    size_t lengthGap = name.size() > candidate.size() ? name.size() - candidate.size() : candidate.size() - name.size();
    if (lengthGap >= bestDistance)
      continue;
    size_t distance = editDistanceIgnoreCase(name, candidate);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

} // namespace oosc
