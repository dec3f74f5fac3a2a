using System.Security.Cryptography;
using System.Text;

namespace Concordat.Core.Access;

/// <summary>Random secrets for invitation links and API tokens, and the hash under which they are stored.</summary>
public static class Secrets
{
    public static string New(string prefix) =>
        prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
