// TODO: when the price service is slow, this service waits as long as it takes. Give the
// call a deadline of one second and answer 504 {"error":"upstream timeout"} when it passes.
using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

class Program
{
    static readonly Regex QuotePath = new Regex("^/quote/([A-Za-z0-9]+)$");
    static readonly string Prices = Environment.GetEnvironmentVariable("STUB_URL") + "/price/";

    static int Quote(string sku, out string json)
    {
        var request = (HttpWebRequest)WebRequest.Create(Prices + sku);
        try
        {
            using (var response = (HttpWebResponse)request.GetResponse())
            using (var reader = new StreamReader(response.GetResponseStream()))
            {
                int cents = int.Parse(reader.ReadToEnd().Trim(), CultureInfo.InvariantCulture);
                json = string.Format(CultureInfo.InvariantCulture, "{{\"sku\":\"{0}\",\"cents\":{1}}}", sku, cents);
                return 200;
            }
        }
        catch (WebException e)
        {
            var failed = e.Response as HttpWebResponse;
            if (failed != null && failed.StatusCode == HttpStatusCode.NotFound)
            {
                json = "{\"error\":\"unknown sku\"}";
                return 404;
            }
            json = "{\"error\":\"upstream failed\"}";
            return 502;
        }
        catch (FormatException)
        {
            json = "{\"error\":\"upstream failed\"}";
            return 502;
        }
    }

    static void Reply(HttpListenerResponse response, int status, string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body, 0, body.Length);
        response.OutputStream.Close();
    }

    static void Handle(HttpListenerContext context)
    {
        Match m = QuotePath.Match(context.Request.Url.AbsolutePath);
        if (!m.Success)
        {
            Reply(context.Response, 404, "{\"error\":\"not found\"}");
            return;
        }
        string json;
        int status = Quote(m.Groups[1].Value, out json);
        Reply(context.Response, status, json);
    }

    static void Main()
    {
        var listener = new HttpListener();
        listener.Prefixes.Add("http://127.0.0.1:" + Environment.GetEnvironmentVariable("PORT") + "/");
        listener.Start();
        while (true)
        {
            HttpListenerContext context = listener.GetContext();
            // A thread of its own per request: a slow call must not hold up the next request.
            new Thread(() => Handle(context)) { IsBackground = true }.Start();
        }
    }
}
