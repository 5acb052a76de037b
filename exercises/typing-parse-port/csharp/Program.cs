// TODO: read one candidate port per line from stdin and print, for each line:
//   "ok N" if the line is only ASCII digits 0-9 with a value from 1 to 65535,
//   "error not a number" if it is empty or has any other character (space, sign, "_", ...),
//   "error out of range" if it is all digits but 0 or above 65535.
// This starter trusts int.TryParse with the default NumberStyles. What does that allow?
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

while (Console.ReadLine() is { } line)
{
    Console.WriteLine(TryParsePort(line, out var port, out var error)
        ? string.Create(CultureInfo.InvariantCulture, $"ok {port}")
        : $"error {error}");
}

// The TryParse pattern: true and the port, or false and the reason.
static bool TryParsePort(string text, out int port, [NotNullWhen(false)] out string? error)
{
    if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out port))
    {
        error = "not a number";
        return false;
    }
    if (port is < 1 or > 65535)
    {
        error = "out of range";
        return false;
    }
    error = null;
    return true;
}
