using HomalgNN.Cli;

return CliApp.Run(args);
