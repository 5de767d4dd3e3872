using System.Globalization;
using UserPool.Api.Accounts.Keys;

namespace UserPool.Api.Tests.Accounts.Keys;

/// <summary>The key normalizer's table: what must be one key, what must be refused, what must stay apart.</summary>
public sealed class KeyNormalizerTests
{
    public static TheoryData<string, string> UsernamesThatCollide => new()
    {
        { "Jos\u00e9", "Jose\u0301" },                 // precomposed é and e + combining acute
        { "\uff42\uff4f\uff42", "bob" },             // full-width letters
        { "bob ", "bob" },                           // trailing space
        { "\u00a0bob", "bob" },                      // leading no-break space
        { "\u3000bob\u3000", "bob" },                // ideographic spaces around
        { "BOB", "bob" },
        { "\ua7cb", "\u0264" },                      // U+A7CB RAMS HORN (Unicode 16) and its lower case U+0264
        { "\u0130", "i\u0307" },                     // Turkish İ lower-cases to i + combining dot above
        { "ΣΑΣ", "σασ" },                            // no final-sigma rule: Σ is always σ
        { "a\u00a0b", "a b" },                       // a no-break space inside is a space
        { "ｊｏｈｎ．ｄｏｅ", "john.doe" },             // full-width punctuation too
    };

    public static TheoryData<string, string> EmailsThatCollide => new()
    {
        { "Jos\u00e9@example.com", "jose\u0301@example.com" },
        { "\uff42\uff4f\uff42@example.com", "bob@example.com" },
        { " bob@example.com\u00a0", "bob@example.com" },
        { "anna@b\u00fccher.example", "anna@xn--bcher-kva.example" },
        { "anna@B\u00dcCHER.example", "anna@XN--BCHER-KVA.EXAMPLE" },
        { "anna@bu\u0308cher.example", "anna@xn--bcher-kva.example" },
        { "Alice@Example.COM", "alice@example.com" },
        { "\ua7cb@example.com", "\u0264@example.com" },
    };

    public static TheoryData<string, string> UsernamesThatStayApart => new()
    {
        { "\u0131", "i" },                           // dotless ı is its own letter
        { "\u0130", "i" },                           // İ is i + U+0307, not i (no Turkish tailoring)
        { "\u0430dmin", "admin" },                   // Cyrillic а against Latin a: a confusable is not a duplicate
        { "stra\u00dfe", "strasse" },                // lower case, not case folding: ß is not ss
        { "a b", "ab" },                             // a space inside counts
        { "bob.smith", "bob_smith" },
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "bo\u200bb", "invisible_character" },      // zero-width space
        { "bo\u200db", "invisible_character" },      // zero-width joiner
        { "bo\u00adb", "invisible_character" },      // soft hyphen
        { "bo\u202eb", "invisible_character" },      // right-to-left override
        { "\ufeffbob", "invisible_character" },      // byte-order mark
        { "bo\u0378b", "unassigned_character" },     // unassigned in Unicode 16
        { "bo\ufdd0b", "unassigned_character" },     // a noncharacter
        { "   ", "invalid_format" },
        { "bo\u0007b", "invalid_text" },
    };

    [Theory]
    [MemberData(nameof(UsernamesThatCollide))]
    public void Username_LookAlikesWritePeopleReadAsOne_HaveOneKey(string first, string second) =>
        Assert.Equal(Key(KeyNormalizer.Username(first)), Key(KeyNormalizer.Username(second)));

    [Theory]
    [MemberData(nameof(EmailsThatCollide))]
    public void Email_LookAlikesAndIdnSpellings_HaveOneKey(string first, string second) =>
        Assert.Equal(Key(KeyNormalizer.Email(first)), Key(KeyNormalizer.Email(second)));

    [Theory]
    [MemberData(nameof(UsernamesThatStayApart))]
    public void Username_DistinctLettersAndConfusables_StayDistinct(string first, string second) =>
        Assert.NotEqual(Key(KeyNormalizer.Username(first)), Key(KeyNormalizer.Username(second)));

    [Theory]
    [MemberData(nameof(Refused))]
    public void Username_InvisibleUnassignedOrBlank_IsRefusedWithItsCode(string username, string code) =>
        Assert.Equal(code, KeyNormalizer.Username(username).Refusal?.Code);

    [Theory]
    [InlineData("an\u200bna@example.com", "invisible_character")]
    [InlineData("anna@exa\u00admple.com", "invisible_character")]
    [InlineData("anna@example\u0378.com", "unassigned_character")]
    [InlineData("anna@example", "invalid_format")]
    [InlineData("anna@xn--zz.example", "invalid_format")]
    public void Email_InvisibleUnassignedOrMalformed_IsRefusedWithItsCode(string email, string code) =>
        Assert.Equal(code, KeyNormalizer.Email(email).Refusal?.Code);

    [Fact]
    public void Username_AndEmail_AreStoredAsSentButTrimmed()
    {
        Assert.Equal("Jos\u00e9 Bob", KeyNormalizer.Username("\u00a0Jos\u00e9 Bob ").Stored);
        Assert.Equal("Anna@B\u00fccher.example", KeyNormalizer.Email(" Anna@B\u00fccher.example\t").Stored);
    }

    [Theory]
    [InlineData("13599930052", "+86")]
    [InlineData("13599930052", "+086")]
    [InlineData("13599930052", "+0086")]
    [InlineData("13599930052", null)]
    [InlineData("135 9993 0052", "+86")]
    [InlineData("135-9993-0052", "+86")]
    [InlineData(" (135) 9993-0052 ", "+86")]
    public void Phone_CountryCodeSpellingsAndSeparators_HaveOneKeyAndNormalizedParts(string phone, string? countryCode)
    {
        var result = KeyNormalizer.Phone(phone, countryCode);

        Assert.Null(result.Refusal);
        Assert.Equal("+8613599930052", result.Key);
        Assert.Equal("13599930052", result.Phone);
        Assert.Equal("+86", result.CountryCode);
    }

    [Theory]
    [InlineData("13599930052", "+0", "phoneCountryCode", "invalid_format")]
    [InlineData("13599930052", "+999", "phoneCountryCode", "invalid_format")]
    [InlineData("13599930052", "abc", "phoneCountryCode", "invalid_format")]
    [InlineData("13599930052", "86", "phoneCountryCode", "invalid_format")]
    [InlineData("1359", "+86", "phone", "not_possible_phone")]
    [InlineData("1359993005212345", "+86", "phone", "not_possible_phone")]
    [InlineData("12345", "+1", "phone", "not_possible_phone")]
    [InlineData("+8613599930052", "+86", "phone", "invalid_format")]
    [InlineData("135x9993", "+86", "phone", "invalid_format")]
    public void Phone_ImpossibleNumberOrNoCountryCode_IsRefusedNamingTheField(string phone, string countryCode, string field, string code)
    {
        var result = KeyNormalizer.Phone(phone, countryCode);

        Assert.Equal(field, result.RefusedField);
        Assert.Equal(code, result.Refusal?.Code);
    }

    [Fact]
    public void Phone_OfAnotherCountry_KeepsItsCountryCode()
    {
        var result = KeyNormalizer.Phone("(202) 555-0143", "+1");

        Assert.Equal("+12025550143", result.Key);
        Assert.Equal("+1", result.CountryCode);
    }

    [Fact]
    public void LowercaseTable_MapsEveryAssignedCodePointToAnAssignedOne()
    {
        // The table is generated from a newer Unicode than .NET's database; a code point .NET knows must never map to
        // one it does not (the key would then be refused under the very rules that made it).
        foreach (var (from, to) in LowercaseTable.All())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(from) != UnicodeCategory.OtherNotAssigned)
            {
                Assert.NotEqual(UnicodeCategory.OtherNotAssigned, CharUnicodeInfo.GetUnicodeCategory(to));
            }
        }
    }

    [Fact]
    public void Fold_IsIdempotent_ForEveryLowerCaseTableEntry()
    {
        foreach (var (from, _) in LowercaseTable.All().Where(p => CharUnicodeInfo.GetUnicodeCategory(p.From) != UnicodeCategory.OtherNotAssigned))
        {
            var key = KeyNormalizer.Username("x" + char.ConvertFromUtf32(from)).Key!;
            Assert.Equal(key, KeyNormalizer.Username(key).Key);
        }
    }

    private static string Key(KeyResult result)
    {
        Assert.Null(result.Refusal);
        return result.Key!;
    }
}
