using Grants.Cli;

return await GrantsCli.RunAsync(args, Console.Out, Console.Error, Environment.CurrentDirectory);
