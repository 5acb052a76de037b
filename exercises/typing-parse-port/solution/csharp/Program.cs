// Reference solution: check that every char is '0'..'9' first (char.IsDigit would also
// accept Arabic-Indic digits), then parse with NumberStyles.None: no spaces, no sign.
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
    port = 0;
    if (text.Length == 0 || !text.All(char.IsAsciiDigit))
    {
        error = "not a number";
        return false;
    }
    // Only digits are left, so TryParse can fail only by overflow.
    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
    {
        error = "out of range";
        return false;
    }
    error = null;
    return true;
}
