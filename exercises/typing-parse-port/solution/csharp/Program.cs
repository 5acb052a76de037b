// Reference solution: check that every char is '0'..'9' (char.IsDigit would also accept
// Arabic-Indic digits), then parse with NumberStyles.None: no spaces, no sign.
using System;
using System.Globalization;

static class Program
{
    // The TryParse pattern: true and the port, or false and the reason.
    static bool TryParsePort(string text, out int port, out string error)
    {
        port = 0;
        if (text.Length == 0)
        {
            error = "not a number";
            return false;
        }
        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                error = "not a number";
                return false;
            }
        }
        // Only digits are left, so TryParse can fail only by overflow.
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            error = "out of range";
            return false;
        }
        if (port < 1 || port > 65535)
        {
            error = "out of range";
            return false;
        }
        error = null;
        return true;
    }

    static void Main()
    {
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            int port;
            string error;
            if (TryParsePort(line, out port, out error))
            {
                Console.WriteLine("ok " + port.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                Console.WriteLine("error " + error);
            }
        }
    }
}
