using Npgsql;

namespace Grants.Applications.Common;

public static class Sql
{
    /// <summary>Adds positional parameters ($1, $2, ...) in order; null becomes SQL null.</summary>
    public static NpgsqlCommand With(this NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
