namespace UserPool.Api.Users;

/// <summary>IsUserExistsDto: the data of is-user-exists's answer (IsUserExistsRespDto).</summary>
public sealed record IsUserExistsDto(bool Exists);
