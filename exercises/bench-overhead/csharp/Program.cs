// TODO: a hello-world benchmark measures only a framework's own CPU time per request,
// but your service also runs its handler on every request. For each framework, print
// how many requests per second one core can serve and how much faster it is than the
// slowest framework: in the micro-benchmark, and for your real requests. The
// req/s/core and "real" numbers come out wrong: find out why.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

class Framework
{
    public string Name { get; private set; }
    public long Overhead { get; private set; }   // the framework's own CPU µs per request
    public long PerRequest { get; private set; } // CPU µs one request costs with it

    public Framework(string name, long overhead, long perRequest)
    {
        Name = name;
        Overhead = overhead;
        PerRequest = perRequest;
    }
}

class Program
{
    // slow/fast with two decimals ("1.07x"), rounded half up, integers only.
    static string Times(long slow, long fast)
    {
        long hundredths = (200 * slow + fast) / (2 * fast);
        return string.Format(CultureInfo.InvariantCulture, "{0}.{1:D2}x", hundredths / 100, hundredths % 100);
    }

    static string[] Csv(string line)
    {
        return line.Split(',').Select(p => p.Trim()).ToArray();
    }

    static void Main()
    {
        var lines = new List<string>();
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            if (line.Trim().Length > 0)
            {
                lines.Add(line.Trim());
            }
        }
        long handler = long.Parse(Csv(lines[0])[1], CultureInfo.InvariantCulture);

        List<Framework> fws = lines.Skip(1)
            .Select(Csv)
            .Select(p =>
            {
                long overhead = long.Parse(p[1], CultureInfo.InvariantCulture);
                return new Framework(p[0], overhead, overhead);
            })
            .OrderBy(f => f.PerRequest)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        long slowestOverhead = fws.Max(f => f.Overhead);
        long slowestRequest = fws.Max(f => f.PerRequest);

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "handler {0} us", handler));
        foreach (Framework f in fws)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0} {1} req/s/core, micro {2}, real {3}",
                f.Name, 1000000 / f.PerRequest,
                Times(slowestOverhead, f.Overhead), Times(slowestRequest, f.PerRequest)));
        }
    }
}
