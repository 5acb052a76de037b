// Reference solution: the request succeeds only if every service is up, so the
// availabilities multiply. Each extra hop can only lower the result.
using System;
using System.Globalization;

static class Program
{
    const long Ppm = 1000000;
    const long MinutesPer30Days = 30L * 24 * 60;

    // "99.95" -> 999500, "100" -> 1000000, without going through a double.
    static long ParsePpm(string percent)
    {
        int dot = percent.IndexOf('.');
        string whole = dot < 0 ? percent : percent.Substring(0, dot);
        string frac = dot < 0 ? "" : percent.Substring(dot + 1);
        return long.Parse(whole, CultureInfo.InvariantCulture) * 10000
            + long.Parse((frac + "0000").Substring(0, 4), CultureInfo.InvariantCulture);
    }

    static void Main()
    {
        int services = 0;
        long chain = Ppm;
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            string[] fields = line.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
            {
                continue;
            }
            services++;
            chain = chain * ParsePpm(fields[1]) / Ppm; // up to 10^12: needs a long, not an int
        }
        long downtime = (Ppm - chain) * MinutesPer30Days / Ppm;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "services {0}", services));
        Console.WriteLine(string.Format(inv, "availability {0}.{1:D4}%", chain / 10000, chain % 10000));
        Console.WriteLine(string.Format(inv, "downtime {0} min per 30 days", downtime));
    }
}
