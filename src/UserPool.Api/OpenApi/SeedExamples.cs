using System.Text.Json.Nodes;

namespace UserPool.Api.OpenApi;

/// <summary>
/// The request samples of the two product documents (shared/seeds), as the JSON this API takes, and what the
/// server answers to them. Swagger UI pre-fills "Try it out" with these, so each works on a fresh pool.
/// </summary>
internal static class SeedExamples
{
    /// <summary>
    /// The users sample (批量创建用户, a Python example): keys in camelCase; the per-item passwordEncryptType and
    /// misspelt resetPasswordOnFisrtLogin moved to options; tenant_ids "undefined" left out; the phone's xxxx
    /// placeholder filled in; the RSA ciphertext (made with Authing's key, not this server's) replaced by the
    /// plaintext the public-accounts sample uses; departmentIds and customData left out, as they name departments
    /// and custom fields a fresh pool does not have (<see cref="UsersBatchWithReferences"/> has them).
    /// </summary>
    public const string UsersBatch = """
        {
          "list": [
            {
              "status": "Activated",
              "email": "test@example.com",
              "phone": "17600006754",
              "phoneCountryCode": "+86",
              "username": "bob",
              "name": "张三",
              "nickname": "张三",
              "photo": "https://files.authing.co/authing-console/default-user-avatar.png",
              "gender": "M",
              "emailVerified": true,
              "phoneVerified": true,
              "birthdate": "2022-07-08",
              "country": "CN",
              "province": "BJ",
              "city": "BJ",
              "address": "北京朝阳",
              "streetAddress": "北京朝阳区 xxx 街道",
              "postalCode": "438100",
              "externalId": "10010",
              "password": "passw0rd",
              "identities": [
                {
                  "extIdpId": "6076bacxxxxxxxxd80d993b5",
                  "provider": "wechat",
                  "type": "openid",
                  "userIdInIdp": "oj7Nq05R-RRaqak0_YlMLnnIwsvg"
                }
              ]
            }
          ],
          "options": {
            "keepPassword": false,
            "autoGeneratePassword": false,
            "resetPasswordOnFirstLogin": false,
            "departmentIdType": "department_id",
            "sendNotification": {
              "sendEmailNotification": false,
              "sendPhoneNotification": false,
              "appId": "appid1"
            },
            "passwordEncryptType": "none"
          }
        }
        """;

    /// <summary>
    /// The seed's customData as it is, and its departments named by code: it works after the set-custom-fields,
    /// create-organization and create-department examples have run.
    /// </summary>
    public static JsonNode UsersBatchWithReferences()
    {
        var body = JsonNode.Parse(UsersBatch)!;
        var user = body["list"]![0]!;
        user["departmentIds"] = new JsonArray("engineering");
        user["customData"] = new JsonObject { ["school"] = "北京大学", ["age"] = 22 };
        body["options"]!["departmentIdType"] = "code";
        return body;
    }

    /// <summary>The public-accounts sample (Create public accounts in batches) as printed, "pr eferredUsername" mended.</summary>
    public const string PublicAccountsBatch = """
        {
          "list": [
            {
              "status": "Activated",
              "email": "test@example.com",
              "username": "bob",
              "name": "xxxx",
              "nickname": "xxxx",
              "password": "passw0rd",
              "photo": "https://files.authing.co/authing-console/default-user-avatar.png",
              "gender": "M",
              "birthdate": "2022-06-03",
              "country": "CN",
              "province": "BJ",
              "city": "BJ",
              "address": "xxxxxxx",
              "streetAddress": "xxx street",
              "postalCode": "438100",
              "company": "steamory",
              "browser": "Mozilla/5.0 (Linux; Android 10; V2001A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/87.0.4280.141 Mobile Safari/537.36 VivoBrowser/10.2.10.0",
              "device": "iOS",
              "givenName": "xx",
              "familyName": "xx",
              "middleName": "James",
              "profile": "alice",
              "preferredUsername": "alice",
              "website": "https://my-website.com",
              "zoneinfo": "GMT-08:00",
              "locale": "af",
              "formatted": "132, My Street, Kingston, New York 12401.",
              "region": "Xinjiang Uyghur Autonomous Region"
            }
          ],
          "options": {
            "autoGeneratePassword": true,
            "resetPasswordOnFirstLogin": true,
            "passwordEncryptType": "none"
          }
        }
        """;

    /// <summary>create-user / create-public-account: the batch's one item with the batch's options beside its fields.</summary>
    public static JsonNode Single(string batch)
    {
        var body = JsonNode.Parse(batch)!;
        var item = body["list"]![0]!.DeepClone().AsObject();
        item["options"] = body["options"]!.DeepClone();
        return item;
    }
}
