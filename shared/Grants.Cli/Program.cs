using Grants.Cli;

return GrantsCli.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory);
