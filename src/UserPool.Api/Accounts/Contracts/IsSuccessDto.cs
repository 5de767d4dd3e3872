namespace UserPool.Api.Accounts.Contracts;

/// <summary>IsSuccessDto: the data of a delete's answer (IsSuccessRespDto).</summary>
public sealed record IsSuccessDto(bool Success);
