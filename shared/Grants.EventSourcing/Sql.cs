using Npgsql;

namespace Grants.EventSourcing;

/// <summary>Positional parameters for the services' own statements, as the projections and queries write them.</summary>
public static class Sql
{
    /// <summary>Adds positional parameters ($1, $2, ...) in order; null becomes SQL null.</summary>
    public static NpgsqlCommand With(this NpgsqlCommand command, params object?[] values)
    {
        Add(command.Parameters, values);
        return command;
    }

    public static NpgsqlBatchCommand With(this NpgsqlBatchCommand command, params object?[] values)
    {
        Add(command.Parameters, values);
        return command;
    }

    private static void Add(NpgsqlParameterCollection parameters, object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
